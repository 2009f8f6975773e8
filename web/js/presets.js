// The presets: the example models of examples/models, bundled at build time (the
// 'initlab:examples' module is made by build.mjs), with the variants listed in preset_list.js.
import examples from 'initlab:examples';
import { PRESETS } from './preset_list.js';

export { PRESETS };

export function presetById(id) {
  return PRESETS.find((p) => p.id === id) ?? null;
}

// The preset's variants as editor tabs: [{name, code}].
export function presetTabs(preset) {
  const source = examples[preset.file];
  return preset.variants.map((v) => ({ name: v.name, code: v.replace ? source.replace(v.replace[0], v.replace[1]) : source }));
}
