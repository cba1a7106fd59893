import type { Meta } from '@storybook/web-components-vite';
import { vendors } from '../mocks/handlers.js';
import { waitForFirstStep } from './play.js';
import twentyFourSevenOffice from './vendors/24sevenoffice.stories.js';
import kitchenSink from './vendors/kitchen-sink.stories.js';
import mailchimp from './vendors/mailchimp.stories.js';
import powerOfficeGo from './vendors/poweroffice-go.stories.js';
import salesforce from './vendors/salesforce.stories.js';
import shopify from './vendors/shopify.stories.js';
import zendesk from './vendors/zendesk.stories.js';
import { widgetMeta, type RegisterAppArgs, type Story } from './widget.js';

/**
 * The widget with any vendor of the mock API: pick one under Controls. Every vendor's states are
 * under "Vendors", and the states every vendor shares under "States". The toolbar switches the
 * language and the colour scheme.
 */
const meta = {
  ...widgetMeta,
  title: 'Register app',
  // a docs page from custom-elements.json once @storybook/addon-docs is installed (it is not yet:
  // until then, Docs › <cma-register-app> is that page)
  tags: ['autodocs'],
  play: async ({ canvasElement }) => {
    await waitForFirstStep(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;

export const AnyVendor: Story = { name: 'Any vendor' };

// CSF files are static, so a vendor added to the mock needs a file of stories under vendors/, listed here.
const covered = [mailchimp, twentyFourSevenOffice, salesforce, shopify, zendesk, powerOfficeGo, kitchenSink].map(m => m.args.vendor);
const uncovered = vendors.filter(vendor => !covered.includes(vendor));
if (uncovered.length) throw new Error(`stories/vendors/: no stories for the mock vendor(s) ${uncovered.join(', ')}`);
