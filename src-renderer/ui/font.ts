/**
 * The UI's own font, bundled with the app: Be Vietnam Pro (SIL OFL 1.1, from @fontsource), drawn
 * for Vietnamese. Every counter PC — old Windows without a Vietnamese-complete sans included — and
 * every test machine draws the same glyphs with the same widths, so layouts and screenshots do
 * not depend on the fonts a machine happens to have. Files are served locally (no CDN: the app
 * works offline); each weight's CSS declares its subsets by unicode-range, so a page fetches only
 * the 'vietnamese' and 'latin' files its text needs.
 *
 * Weights: 400 text, 500 antd's medium labels, 600 headings and strong text (antd's
 * fontWeightStrong, our .overdue/.kpi), 700 the few bold figures.
 */
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/500.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';

export const UI_FONT_FAMILY = "'Be Vietnam Pro', 'Segoe UI', Roboto, Arial, sans-serif";
