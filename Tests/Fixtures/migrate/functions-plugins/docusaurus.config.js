const path = require('path');

module.exports = {
  title: 'Plugin-heavy site',
  url: process.env.SITE_URL || 'https://example.com',
  baseUrl: '/',
  scripts: [{src: 'https://plausible.io/js/script.js', defer: true}],
  customFields: {apiBase: 'https://api.example.com'},
  presets: [
    [
      require.resolve('@docusaurus/preset-classic'),
      {
        docs: {
          routeBasePath: 'manual',
          editUrl: ({docPath}) => `https://github.com/acme/site/edit/main/docs/${docPath}`,
          remarkPlugins: [require('remark-math')],
          showLastUpdateTime: true,
        },
        theme: {customCss: require.resolve('./src/css/custom.css')},
      },
    ],
  ],
  plugins: [
    async function tailwind(context, options) {
      return {name: 'tailwind'};
    },
    ['@docusaurus/plugin-ideal-image', {quality: 70}],
  ],
  themeConfig: {
    navbar: {
      items: [
        {type: 'dropdown', label: 'More', items: []},
        {to: 'manual/start', label: 'Start'},
      ],
    },
  },
};
