export { useDebounced } from "@cm/ui";
