// webpack replaces process.env.NODE_ENV at build time ("production" for `npm run build`); jest sets "test".
export const IS_DEV_BUILD = process.env.NODE_ENV !== "production";
