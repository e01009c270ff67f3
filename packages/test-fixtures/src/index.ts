// @baihua/test-fixtures: the PyTorch reference data of the workspace's tests, and its loader.
// Private (never published), so that no published entry ships the 510 KB of data.
export { loadTorchFixture, torchFixtureNames } from './torch-fixture.js';
export type { FixtureTensor, TorchFixtureCase } from './torch-fixture.js';
