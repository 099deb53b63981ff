/**
 * The antd theme both browser UIs share, tuned so every text meets WCAG 2.1 AA contrast (4.5:1,
 * checked by axe-core in the e2e suite): antd's defaults draw secondary text, form hints, card
 * titles, step titles and empty-table text in greys of 3.4:1 and lighter, and its coloured tags in
 * text colours (green-7, orange-7, gold-7, the status colours) of 1.8–3.7:1 on their own tints.
 * Older counter PCs have dim, washed-out screens: these are the texts officers read all day.
 */
import type { ThemeConfig } from 'antd';

/** Black at 60 % on white is #666 (5.7:1); on the grey page background it stays above 5.4:1. */
const SECONDARY_TEXT = 'rgba(0, 0, 0, 0.6)';

/** antd's red-7: 5.1:1 on white and on the error tint, and still plainly red. */
const ERROR_RED = '#cf1322';

/**
 * Tag text colours on their own light tints, each at least 5:1: antd draws a preset tag's text in
 * the palette's 7th shade; the ones below 4.5:1 move to the 8th or 9th of the same hue, so a green
 * tag is still green. Status tags (success, processing, warning, error) use the status colours.
 */
const TAG_TEXT = {
  green7: '#237804',
  orange7: '#ad4e00',
  gold7: '#874d00',
  yellow7: '#876800',
  lime7: '#3f6600',
  cyan7: '#006d75',
  volcano7: '#ad2102',
  colorSuccess: '#237804',
  colorWarning: '#874d00',
  colorError: ERROR_RED,
  colorInfo: '#0958d9',
};

/**
 * The app's blue: 6.3:1 against white, as link or selected-menu text on white and behind a primary
 * button's white text. antd's own #1677ff is 4.1:1 both ways, under AA for normal text.
 */
const PRIMARY_BLUE = '#1d5fb4';

export function uiTheme(token: ThemeConfig['token'] = {}): ThemeConfig {
  return {
    token: {
      colorPrimary: PRIMARY_BLUE,
      colorTextTertiary: SECONDARY_TEXT,
      colorTextDescription: SECONDARY_TEXT,
      // A select's placeholder is text axe checks like any other (antd's #bfbfbf is 1.8:1); a
      // shade lighter than secondary text still tells "nothing chosen yet" from a value.
      colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
      // Status words in text (Typography type="warning" / "danger" / "success", form errors) and
      // danger buttons: antd's #faad14 / #ff4d4f / #52c41a are 1.9 / 3.3 / 2.2:1 on white.
      colorError: ERROR_RED,
      colorErrorText: ERROR_RED,
      colorWarningText: '#874d00',
      colorSuccessText: '#237804',
      ...token,
    },
    components: {
      Tag: TAG_TEXT,
      // "Không có dữ liệu" in an empty table is antd's disabled grey (1.8:1); it is a message.
      Table: { colorTextDisabled: SECONDARY_TEXT },
    },
  };
}
