/**
 * A message's components as plain JSON, flattened: every component at any depth (an action row's
 * buttons, a container's sections, a section's text displays and its accessory). discord.js hands
 * received components over as classes, the double and the renderer as JSON; both are read here.
 */

/** One component as JSON: its `type` and whatever else it carries. */
export type ComponentJson = Readonly<Record<string, unknown>> & { readonly type?: unknown };

function json(component: unknown): ComponentJson | undefined {
  if (typeof component !== 'object' || component === null) return undefined;
  const encodable = component as { toJSON?: () => unknown };
  const raw = typeof encodable.toJSON === 'function' ? encodable.toJSON() : component;
  return typeof raw === 'object' && raw !== null ? (raw as ComponentJson) : undefined;
}

/** Every component of `components` and of what they hold, depth first, in reading order. */
export function flattenComponents(components: readonly unknown[]): ComponentJson[] {
  const out: ComponentJson[] = [];
  const visit = (c: unknown) => {
    const node = json(c);
    if (!node) return;
    out.push(node);
    if (Array.isArray(node.components)) for (const child of node.components) visit(child);
    if (node.accessory !== undefined) visit(node.accessory);
  };
  for (const c of components) visit(c);
  return out;
}

/** The custom ids of every button of `components`, in reading order. */
export function customIdsOf(components: readonly unknown[]): string[] {
  return flattenComponents(components).flatMap((c) => (typeof c.custom_id === 'string' ? [c.custom_id] : []));
}

/** The content of every text display of `components`, in reading order. */
export function textDisplaysOf(components: readonly unknown[]): string[] {
  return flattenComponents(components).flatMap((c) => (c.type === 10 && typeof c.content === 'string' ? [c.content] : []));
}
