/** The danger button's red text, readable on the dark theme's near-black surface too. */
export const DANGER_DARK = "dark:border-red-400 dark:text-red-300";
