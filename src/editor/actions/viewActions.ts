import { FIT_MIN_ZOOM } from '../nodes/compact/semanticZoom';
import type { Action } from './types';
import { motionMs } from '../../renderers/reducedMotion';

/**
 * Layout, zoom, theme, and the files the graph goes in and out of. The file keys are Shift and
 * a letter: Ctrl+N, Ctrl+E and the like belong to the browser, which never hands them over.
 */
export const viewActions: Action[] = [
  { id: 'tidy', label: 'Tidy layout', group: 'View', keys: ['l'], icon: 'tidy', run: ({ ui }) => ui.tidy() },
  {
    id: 'fitView',
    label: 'Fit graph in view',
    group: 'View',
    keys: ['f'],
    icon: 'fit',
    run: ({ flow }) => void flow.fitView({ padding: 0.15, duration: motionMs(300), maxZoom: 1.5, minZoom: FIT_MIN_ZOOM }),
  },
  { id: 'theme', label: 'Light / dark theme', group: 'View', keys: ['t'], icon: 'theme', run: ({ ui }) => ui.toggleTheme() },
  { id: 'new', label: 'New (empty canvas)', group: 'File', keys: ['Shift+n'], run: ({ ui }) => ui.newGraph() },
  { id: 'open', label: 'Open a graph file…', group: 'File', keys: ['Mod+o'], run: ({ ui }) => ui.openFile() },
  { id: 'save', label: 'Save as a .json file', group: 'File', keys: ['Mod+s'], run: ({ ui }) => ui.saveFile() },
  { id: 'share', label: 'Copy a share link', group: 'File', keys: ['Shift+s'], run: ({ ui }) => ui.share() },
  { id: 'exportPng', label: 'Export picture (PNG)', group: 'File', keys: ['Shift+e'], run: ({ ui }) => ui.exportImage('png') },
  { id: 'exportSvg', label: 'Export picture (SVG, vector)', group: 'File', keys: ['Shift+v'], run: ({ ui }) => ui.exportImage('svg') },
  { id: 'help', label: 'Keyboard shortcuts', group: 'Help', keys: ['?'], icon: 'help', run: ({ ui }) => ui.openHelp() },
];
