/** 42 -> "SUB-000042" */
export const formatSubscriptionNumber = (number: number) => `SUB-${String(number).padStart(6, "0")}`;
