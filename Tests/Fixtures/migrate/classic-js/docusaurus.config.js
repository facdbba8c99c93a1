// @ts-check
// A config as `create-docusaurus` writes it, trimmed.

const {themes: prismThemes} = require('prism-react-renderer');

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Widget Docs',
  tagline: 'Widgets are cool',
  favicon: 'img/favicon.ico',
  url: 'https://widgets.example.com',
  baseUrl: '/',
  organizationName: 'widgets',
  projectName: 'widget-docs',
  onBrokenLinks: 'throw',
  onBrokenMarkdownLinks: 'warn',
  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },
  presets: [
    [
      'classic',
      /** @type {import('@docusaurus/preset-classic').Options} */
      ({
        docs: {
          sidebarPath: require.resolve('./sidebars.js'),
          editUrl: 'https://github.com/widgets/widget-docs/tree/main/',
        },
        blog: false,
      }),
    ],
  ],
  themeConfig:
    /** @type {import('@docusaurus/preset-classic').ThemeConfig} */
    ({
      navbar: {
        title: 'Widget Docs',
        logo: {alt: 'Widget logo', src: 'img/logo.svg'},
        items: [
          {type: 'docSidebar', sidebarId: 'tutorialSidebar', position: 'left', label: 'Tutorial'},
          {type: 'doc', docId: 'tutorial/install', label: "Install"},
          {href: 'https://github.com/widgets/widget-docs', label: 'GitHub', position: 'right'},
        ],
      },
      footer: {
        style: 'dark',
        links: [
          {title: 'Docs', items: [{label: 'Intro', to: '/docs/intro'}]},
          {title: 'More', items: [{label: 'Status', href: 'https://status.example.com'}]},
        ],
        copyright: `Copyright © ${new Date().getFullYear()} Widgets, Inc.`,
      },
      tableOfContents: {minHeadingLevel: 2, maxHeadingLevel: 4},
      prism: {theme: prismThemes.github},
    }),
};

module.exports = config;
