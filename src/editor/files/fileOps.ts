import { parseDocumentFile, serializeDocument } from '../../document/file/serialize';
import { encodeShareHash, MAX_SHARE_HASH_CHARS } from '../../document/file/shareLink';
import type { PlaygroundStore } from '../../state/store';

/** Offers a blob as a download with this file name. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the output's label, so saved graphs are told apart: 'L.graph.json'. */
function baseName(store: PlaygroundStore): string {
  const { doc } = store.getState();
  const out = doc.output ? doc.nodes[doc.output] : undefined;
  const label = out && 'label' in out ? out.label.replace(/[^A-Za-z0-9_-]+/g, '') : '';
  return label || 'micrograd';
}

/** Saves the graph (and the view) as a .json file the playground can open again. */
export function saveGraphFile(store: PlaygroundStore): void {
  const { doc, viewport } = store.getState();
  download(new Blob([serializeDocument(doc, viewport)], { type: 'application/json' }), `${baseName(store)}.graph.json`);
  store.getState().notify('success', 'Graph saved as a .json file.');
}

/**
 * Reads a file the person picked. A file that is not a graph is refused with the reason and
 * the current graph stays as it was; a good one replaces it as one undo step.
 */
export async function openGraphFile(store: PlaygroundStore, file: File): Promise<boolean> {
  let text: string;
  try {
    // Size is checked by the parser too, but refusing early avoids reading a huge file at all.
    if (file.size > 6 * 1024 * 1024) {
      store.getState().notify('error', `“${file.name}” is too large (${(file.size / 1048576).toFixed(1)} MB) to be a playground graph.`);
      return false;
    }
    text = await file.text();
  } catch {
    store.getState().notify('error', `“${file.name}” could not be read.`);
    return false;
  }
  const parsed = parseDocumentFile(text);
  if (!parsed.ok) {
    store.getState().notify('error', `Could not open “${file.name}”: ${parsed.reason} Your graph is unchanged.`);
    return false;
  }
  store.getState().loadDocument(parsed.doc, parsed.viewport ? { viewport: parsed.viewport } : { layout: false });
  store.getState().notify('success', `Opened “${file.name}”.`);
  return true;
}

/** Puts a link with the whole graph in its hash on the clipboard. */
export async function copyShareLink(store: PlaygroundStore): Promise<string | null> {
  const hash = await encodeShareHash(store.getState().doc);
  if (hash.length > MAX_SHARE_HASH_CHARS) {
    store.getState().notify('error', 'This graph is too large for a link; save it as a file instead.');
    return null;
  }
  const url = `${location.origin}${location.pathname}${hash}`;
  try {
    await navigator.clipboard.writeText(url);
    store.getState().notify('success', 'Share link copied: opening it restores this graph.');
  } catch {
    // No clipboard permission: put the link in the address bar, where it can be copied by hand.
    history.replaceState(null, '', hash);
    store.getState().notify('info', 'The share link is now in the address bar; copy it from there.');
  }
  return url;
}
