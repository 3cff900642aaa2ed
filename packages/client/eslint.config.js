export { default } from "@cm/eslint-config";
