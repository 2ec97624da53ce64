export * from './schema.js';
export * from './parse.js';
export * from './logic.js';
export * from './load.js';
export * from './render.js';
