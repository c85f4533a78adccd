// The few mathjs matrix functions the calibration fit needs, bundled on their own by the build (like
// mathjs-units.ts) so that only `bench --calibrate` pays for them.
import {create, lusolveDependencies, multiplyDependencies, transposeDependencies} from 'mathjs'
import type {LinearAlgebra} from '../model/calibration/fit.js'

const math = create({lusolveDependencies, multiplyDependencies, transposeDependencies})

/** Plain number[][] in and out, as the fit works with. */
export const linearAlgebra: LinearAlgebra = {
  multiply: (a, b) => math.multiply(a, b) as unknown as number[][],
  transpose: (a) => math.transpose(a) as unknown as number[][],
  lusolve: (a, b) => math.lusolve(a, b) as unknown as number[][],
}
