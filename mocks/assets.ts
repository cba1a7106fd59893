/** Images the mock API serves next to the descriptors (plain marks, not the vendors' own logos). */
const mark = (bg: string, text: string, size = 18) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40"><rect width="40" height="40" rx="8" fill="${bg}"/>` +
  `<text x="20" y="26" font-family="system-ui,sans-serif" font-size="${size}" font-weight="700" fill="#fff" text-anchor="middle">${text}</text></svg>`;

const menu = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 170" font-family="system-ui,sans-serif" font-size="13">
<rect width="360" height="170" fill="#f6f6f4"/>
<rect x="0" y="0" width="360" height="34" fill="#241c15"/>
<text x="12" y="22" fill="#ffe01b" font-weight="700">Mailchimp</text>
<rect x="270" y="6" width="80" height="22" rx="4" fill="#3d3329"/><text x="283" y="22" fill="#fff">Account ▾</text>
<rect x="190" y="34" width="160" height="126" fill="#fff" stroke="#ccc"/>
<text x="204" y="58" fill="#241c15">Profile</text>
<text x="204" y="84" fill="#241c15" font-weight="700">Extras ▸</text>
<rect x="60" y="72" width="128" height="60" fill="#fff" stroke="#ccc"/>
<text x="74" y="96" fill="#241c15">Connected sites</text>
<rect x="66" y="104" width="116" height="22" rx="3" fill="#ffe01b"/><text x="74" y="120" fill="#241c15" font-weight="700">API keys</text>
<text x="204" y="110" fill="#241c15">Billing</text>
<text x="204" y="136" fill="#241c15">Log out</text>
</svg>`;

const settings = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 110" font-family="system-ui,sans-serif" font-size="13">
<rect width="240" height="110" fill="#f6f6f4" stroke="#ccc"/>
<text x="12" y="26" fill="#1f2937" font-weight="700">Settings</text>
<text x="12" y="56" fill="#1f2937">Profile</text>
<rect x="6" y="68" width="120" height="24" rx="3" fill="#6b21a8"/><text x="12" y="85" fill="#fff" font-weight="700">Integrations</text>
</svg>`;

export const assets: Record<string, string> = {
  'logos/mailchimp.svg': mark('#241c15', 'MC'),
  'logos/24sevenoffice.svg': mark('#0a6e4f', '24', 20),
  'logos/salesforce.svg': mark('#0b5cab', 'SF'),
  'logos/shopify.svg': mark('#4a7a2c', 'SH'),
  'logos/zendesk.svg': mark('#03363d', 'ZD'),
  'logos/poweroffice-go.svg': mark('#b4232a', 'PO'),
  'images/mailchimp-api-keys.svg': menu,
  'logos/kitchen-sink.svg': mark('#6b21a8', 'KS'),
  'images/kitchen-sink-settings.svg': settings,
};
