// A versioned site whose navbar has the version dropdown and links outside the docs.
module.exports = {
  title: 'Versions',
  url: 'https://v.example',
  baseUrl: '/',
  presets: [['classic', {docs: {routeBasePath: 'docs'}}]],
  themeConfig: {
    navbar: {
      items: [
        {type: 'docsVersionDropdown', position: 'right'},
        {type: 'docsVersionDropdown', dropdownItemsAfter: [{to: '/versions', label: 'All'}]},
        {to: '/docs/intro', label: 'Docs'},
        {to: '/blog', label: 'Blog'},
        {to: '/plugins/list#top', label: 'Plugins'},
        {href: 'https://github.com/o/r', label: 'GitHub'},
      ],
    },
    footer: {
      links: [{title: 'More', items: [{to: '/blog/2024/hello', label: 'Hello'}, {to: '/', label: 'Home'}]}],
    },
  },
};
