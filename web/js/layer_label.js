// How the page names a probed module or op, in every chart and table: an op by its name
// ("F.relu"); a child of a Sequential, which is named by index ("features.3" says little), by
// index and class ("features.3: ReLU"); any other module by its path; the model by its class.
export const layerLabel = (l) => (l.isOp ? l.type : /(^|\.)\d+$/.test(l.path) ? `${l.path}: ${l.type}` : l.path || l.type);
