export * from './dispositions.js';
export * from './responses.js';
export * from './responses-file.js';
export * from './succession.js';
