// @ts-check
import path from 'node:path';
import { loadCatalog, resolveDynamicKey, resolveKey } from './i18n-catalog.js';

/**
 * Ketenplanner's own lint rules: the promises about the user interface's text that the style guide makes in
 * prose (every message comes from the catalog, every key used exists and is a message).
 */

/** @typedef {import('eslint').Rule.RuleModule} RuleModule */
/** @typedef {import('eslint').Rule.Node} Node */

/** `t(...)`, `i18n.t(...)`, `i18next.t(...)`: the translation function, however it was obtained. */
function isTranslateCall(/** @type {any} */ node) {
  const callee = node.callee;
  if (callee.type === 'Identifier') return callee.name === 't';
  return callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && callee.property.name === 't';
}

/** The named property of an object literal, if the node is one and has it. */
function propertyOf(/** @type {Node | undefined} */ node, /** @type {string} */ name) {
  if (node?.type !== 'ObjectExpression') return undefined;
  for (const property of node.properties) {
    if (property.type !== 'Property') continue;
    const key = property.key;
    if ((key.type === 'Identifier' && key.name === name) || (key.type === 'Literal' && key.value === name)) return property;
  }
  return undefined;
}

const escapeRegExp = (/** @type {string} */ text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** @type {RuleModule} */
const validI18nKeys = {
  meta: {
    type: 'problem',
    docs: { description: 'Every translation key used exists in the catalog and is a message (not a group of messages).' },
    schema: [
      {
        type: 'object',
        properties: {
          catalog: { type: 'string' },
          runtimeNamespaces: { type: 'array', items: { type: 'string' } },
          allowedDynamicKeys: { type: 'array', items: { type: 'string' } },
        },
        required: ['catalog'],
        additionalProperties: false,
      },
    ],
    messages: {
      missing: "Translation key '{{key}}' is not in {{catalog}}.",
      object: "Translation key '{{key}}' is a group of messages in {{catalog}}, not a message: t() would return an object.",
      pluralWithoutCount: "Translation key '{{key}}' has only plural forms ({{key}}_one/_other) in {{catalog}}: pass a count.",
      unknownPrefix: "Dynamic translation key {{source}}: '{{prefix}}' is not a group of messages in {{catalog}}.",
      noMatch: 'Dynamic translation key {{source}} matches no message in {{catalog}}.',
      unlisted: 'Dynamic translation key {{source}} has no static prefix (a group of {{catalog}}): use a prefix, or list it in allowedDynamicKeys.',
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    const catalogPath = path.resolve(context.cwd, /** @type {string} */ (options.catalog));
    // Named relative to the working folder in messages.
    const catalogFile = path.relative(context.cwd, catalogPath) || catalogPath;
    /** @type {string[]} */
    const runtimeNamespaces = options.runtimeNamespaces ?? [];
    /** @type {string[]} */
    const allowedDynamicKeys = options.allowedDynamicKeys ?? [];
    const catalog = loadCatalog(catalogPath, runtimeNamespaces);
    const sourceCode = context.sourceCode;

    /**
     * @param {Node} node the key expression
     * @param {{ hasCount: boolean | undefined; returnObjects: boolean }} call what the call's options say
     */
    function checkKey(node, call) {
      const source = sourceCode.getText(node);
      if (allowedDynamicKeys.includes(source)) return;
      /** @type {any} */
      const n = node;
      if (n.type === 'TSAsExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSSatisfiesExpression') return checkKey(n.expression, call);
      if (node.type === 'ConditionalExpression') {
        checkKey(node.consequent, call);
        checkKey(node.alternate, call);
        return;
      }
      if (node.type === 'LogicalExpression') {
        checkKey(node.left, call);
        checkKey(node.right, call);
        return;
      }
      if (node.type === 'Literal' && typeof node.value === 'string') return checkStatic(node, node.value, call);
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return checkStatic(node, node.quasis[0].value.cooked ?? '', call);
      if (node.type !== 'TemplateLiteral') {
        // A key from a constant of this file (`KEY`, `LABEL_KEYS[field]`): every key it holds is checked.
        const keys = constantKeys(node);
        if (keys) {
          for (const key of keys) {
            if (checkedTableKeys.has(key)) continue;
            checkedTableKeys.add(key);
            checkKey(key, { hasCount: undefined, returnObjects: call.returnObjects });
          }
          return;
        }
        // A key computed elsewhere (a parameter, a call): only the template form shows its prefix.
        context.report({ node, messageId: 'unlisted', data: { source, catalog: catalogFile } });
        return;
      }
      const head = node.quasis[0].value.cooked ?? '';
      const prefix = head.slice(0, head.lastIndexOf('.') + 1);
      if (!prefix) {
        context.report({ node, messageId: 'unlisted', data: { source, catalog: catalogFile } });
        return;
      }
      const pattern = new RegExp(`^${node.quasis.map((q) => escapeRegExp(q.value.cooked ?? '')).join('.+')}$`);
      const result = resolveDynamicKey(catalog, pattern, prefix, runtimeNamespaces);
      if (result === 'unknown-prefix') context.report({ node, messageId: 'unknownPrefix', data: { source, prefix: prefix.slice(0, -1), catalog: catalogFile } });
      else if (result === 'no-match') context.report({ node, messageId: 'noMatch', data: { source, catalog: catalogFile } });
    }

    /** @type {Set<Node>} */
    const checkedTableKeys = new Set();

    /**
     * The key expressions a `const` of this file holds: `const KEY = 'a.b'` for `KEY`, or the values of
     * `const LABEL_KEYS = { x: 'a.x', ... }` for `LABEL_KEYS[field]`; undefined for anything else.
     * @param {Node} node
     * @returns {Node[] | undefined}
     */
    function constantKeys(node) {
      /** @type {any} */
      let target = node;
      const lookup = target.type === 'MemberExpression';
      if (lookup) target = target.object;
      if (target.type !== 'Identifier') return undefined;
      /** @type {any} */
      let scope = sourceCode.getScope(node);
      let variable;
      while (scope && !variable) {
        variable = scope.set.get(target.name);
        scope = scope.upper;
      }
      const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (definition?.type !== 'Variable' || definition.parent.kind !== 'const') return undefined;
      let init = definition.node.init;
      while (init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression')) init = init.expression;
      if (!init) return undefined;
      if (!lookup) return [init];
      if (init.type !== 'ObjectExpression' || init.properties.some((/** @type {any} */ p) => p.type !== 'Property')) return undefined;
      return init.properties.map((/** @type {any} */ p) => p.value);
    }

    /**
     * @param {Node} node
     * @param {string} key
     * @param {{ hasCount: boolean | undefined; returnObjects: boolean }} call
     */
    function checkStatic(node, key, call) {
      const kind = resolveKey(catalog, key, runtimeNamespaces);
      const data = { key, catalog: catalogFile };
      if (kind === 'missing') context.report({ node, messageId: 'missing', data });
      else if (kind === 'object' && !call.returnObjects) context.report({ node, messageId: 'object', data });
      else if (kind === 'plural' && call.hasCount === false) context.report({ node, messageId: 'pluralWithoutCount', data });
    }

    return {
      CallExpression(node) {
        if (!isTranslateCall(node) || node.arguments.length === 0) return;
        const [key, second] = node.arguments;
        if (key.type === 'SpreadElement') return;
        const optionsNode = second?.type === 'SpreadElement' ? undefined : second;
        // Without an options object literal we cannot tell whether a count is passed.
        const hasCount = optionsNode === undefined ? false : optionsNode.type === 'ObjectExpression' ? Boolean(propertyOf(optionsNode, 'count')) || optionsNode.properties.some((p) => p.type === 'SpreadElement') : undefined;
        const flag = propertyOf(optionsNode, 'returnObjects')?.value;
        const returnObjects = flag?.type === 'Literal' && flag.value === true;
        checkKey(key, { hasCount, returnObjects });
      },
      /** @param {any} node */
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || node.name.name !== 'i18nKey' || !node.value) return;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        if (value.type === 'JSXEmptyExpression') return;
        checkKey(value, { hasCount: undefined, returnObjects: false });
      },
    };
  },
};

/** Attributes whose text a person reads or hears. */
const TEXT_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt'];

const hasLetters = (/** @type {string} */ text) => /\p{L}/u.test(text);

/** @type {RuleModule} */
const noUiLiterals = {
  meta: {
    type: 'problem',
    docs: { description: 'User-visible text in JSX comes from the message catalog (t()), never from a literal.' },
    schema: [
      {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string' } }, attributes: { type: 'array', items: { type: 'string' } } },
        additionalProperties: false,
      },
    ],
    messages: {
      text: "Literal text '{{text}}' in JSX: put it in the message catalog and use t().",
      attribute: "Literal text '{{text}}' in the {{attribute}} attribute: put it in the message catalog and use t().",
    },
  },
  create(context) {
    const options = context.options[0] ?? {};
    /** @type {Set<string>} */
    const allow = new Set(options.allow ?? []);
    /** @type {string[]} */
    const attributes = options.attributes ?? TEXT_ATTRIBUTES;
    const isText = (/** @type {string} */ text) => hasLetters(text) && !allow.has(text.trim());
    const shown = (/** @type {string} */ text) => text.trim().replace(/\s+/g, ' ').slice(0, 60);

    /**
     * String literals that an expression shows as they are: through conditionals, `&&`/`||`/`??` and the
     * fixed parts of template strings, but not through calls (a call's result is its own business).
     * @param {any} node
     * @param {(node: any, text: string) => void} report
     */
    function literalsIn(node, report) {
      if (!node) return;
      if (node.type === 'Literal' && typeof node.value === 'string') {
        if (isText(node.value)) report(node, node.value);
      } else if (node.type === 'TemplateLiteral') {
        for (const quasi of node.quasis) if (isText(quasi.value.cooked ?? '')) report(quasi, quasi.value.cooked ?? '');
      } else if (node.type === 'ConditionalExpression') {
        literalsIn(node.consequent, report);
        literalsIn(node.alternate, report);
      } else if (node.type === 'LogicalExpression') {
        literalsIn(node.left, report);
        literalsIn(node.right, report);
      }
    }

    return {
      /** @param {any} node */
      JSXText(node) {
        if (isText(node.value)) context.report({ node, messageId: 'text', data: { text: shown(node.value) } });
      },
      /** @param {any} node */
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent?.type !== 'JSXElement' && parent?.type !== 'JSXFragment') return;
        literalsIn(node.expression, (at, text) => context.report({ node: at, messageId: 'text', data: { text: shown(text) } }));
      },
      /** @param {any} node */
      JSXAttribute(node) {
        if (node.name.type !== 'JSXIdentifier' || !attributes.includes(node.name.name) || !node.value) return;
        const attribute = node.name.name;
        const value = node.value.type === 'JSXExpressionContainer' ? node.value.expression : node.value;
        literalsIn(value, (at, text) => context.report({ node: at, messageId: 'attribute', data: { text: shown(text), attribute } }));
      },
    };
  },
};

/** @type {import('eslint').ESLint.Plugin} */
const plugin = {
  meta: { name: 'eslint-plugin-ketenplanner' },
  rules: { 'valid-i18n-keys': validI18nKeys, 'no-ui-literals': noUiLiterals },
};

export default plugin;
