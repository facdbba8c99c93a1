import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

const sidebars: SidebarsConfig = {
  handbook: [
    'index',
    {type: 'doc', id: 'guides/setup', label: 'Setting up'},
    {type: 'category', label: 'Guides', items: ['guides/diagrams'], customProps: {x: 1}},
  ],
};

export default sidebars;
