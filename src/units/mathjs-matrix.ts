// The few mathjs matrix functions the calibration fit needs, bundled on their own by the build (like
// mathjs-units.ts) so that only `bench --calibrate` pays for them.
import {create, lusolveDependencies, multiplyDependencies, transposeDependencies} from 'mathjs'

export const math = create({lusolveDependencies, multiplyDependencies, transposeDependencies})
