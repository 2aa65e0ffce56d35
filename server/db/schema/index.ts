export * from './agencies';
export * from './audit';
export * from './auth';
export * from './catalog';
export * from './events';
export * from './kpi-figures';
export * from './reports';
export * from './tasks';
