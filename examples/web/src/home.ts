// The home page: the shared header, on the wasm backend (so the header can say how many threads it got).
import './shared/site.css';
import { useBackend } from '@baihua/core';
import { mountChrome } from './shared/chrome.js';

const refresh = mountChrome('');
await useBackend(['wasm', 'cpu']);
refresh();
document.body.dataset.ready = 'true';
