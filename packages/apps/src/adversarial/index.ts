// @baihua/apps/adversarial: being built for issue 15 (its exports are added as each part lands with its tests).
export {};
