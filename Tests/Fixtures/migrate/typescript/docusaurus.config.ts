import {themes as prismThemes} from 'prism-react-renderer';
import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';

const config: Config = {
  title: "Gadget handbook",
  url: 'https://gadgets.example.org',
  baseUrl: '/handbook/',
  trailingSlash: false,
  onBrokenLinks: 'warn',
  onBrokenAnchors: 'ignore',
  markdown: {mermaid: true},
  themes: ['@docusaurus/theme-mermaid'],
  presets: [
    [
      'classic',
      {
        docs: {
          path: 'docs',
          routeBasePath: '/',
          sidebarPath: './sidebars.ts',
          exclude: ['**/_*.{js,jsx,ts,tsx,md,mdx}', '**/drafts/**'],
          sidebarCollapsed: false,
          versions: {current: {label: 'Next', banner: 'none', className: cls()}},
          lastVersion: 'current',
          onlyIncludeVersions: ['current'],
        },
        blog: false,
      } satisfies Preset.Options,
    ],
  ],
  themeConfig: {
    navbar: {
      items: [
        {to: '/guides/setup', label: 'Setup'},
        {type: 'search', position: 'right'},
      ],
    },
    footer: {copyright: 'Gadget Corp.'},
  } satisfies Preset.ThemeConfig,
};

export default config;
