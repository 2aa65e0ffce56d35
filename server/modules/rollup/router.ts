import { provinceRollupInput, provinceRollupOutput } from '../../../shared/schemas/rollup';
import { reportProcedure, router } from '../../trpc/init';
import { getProvinceRollup } from './service';

export const rollupRouter = router({
  /** A province over its communes: oversight roles and the province's own staff (checked per row). */
  province: reportProcedure()
    .input(provinceRollupInput)
    .output(provinceRollupOutput)
    .query(({ ctx, input }) => getProvinceRollup(ctx.readDb, ctx.user, input.provinceId)),
});
