export * from './proportion.js';
export * from './stratified.js';
export * from './two-proportion.js';
export { betaQuantile, normalQuantile, tQuantile } from './quantiles.js';
export * from './finite.js';
