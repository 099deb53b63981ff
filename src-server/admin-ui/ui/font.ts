/**
 * The admin page's font: Be Vietnam Pro, bundled like the counter's (src-renderer/ui/font.ts
 * says why), so province staff on any PC read the same Vietnamese glyphs, offline included.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';

export const UI_FONT_FAMILY = "'Be Vietnam Pro', 'Segoe UI', Roboto, Arial, sans-serif";
