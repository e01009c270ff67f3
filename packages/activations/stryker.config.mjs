// Mutation testing for this package: `pnpm mutation --filter <this package>` from the root.
import { baihuaStrykerConfig } from '../../scripts/stryker-shared.mjs';

export default baihuaStrykerConfig();
