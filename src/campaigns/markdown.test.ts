import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownToText, renderMarkdown } from './markdown.ts';

test('renders ordinary Markdown', () => {
  const html = renderMarkdown('## Why\n\nAsylum is **the law**.\n\n- one\n- two');
  assert.match(html, /<h2>Why<\/h2>/);
  assert.match(html, /<strong>the law<\/strong>/);
  assert.match(html, /<li>one<\/li>/);
});

test('removes script tags, inline or raw', () => {
  const html = renderMarkdown('Hello <script>alert(1)</script>\n\n<script src="https://evil.example/x.js"></script>');
  assert.doesNotMatch(html, /<script|alert\(1\)|evil\.example/i);
  assert.match(html, /Hello/);
});

test('removes event handlers such as onerror', () => {
  const html = renderMarkdown('<img src=x onerror="alert(1)"> <a href="https://ok.example" onclick="steal()">ok</a>');
  assert.doesNotMatch(html, /onerror|onclick|alert|steal|<img/i);
  assert.match(html, /<a href="https:\/\/ok.example" rel="noopener noreferrer">ok<\/a>/);
});

test('removes javascript: and data: links, in Markdown and in HTML', () => {
  const html = renderMarkdown(
    '[click](javascript:alert(1)) [x](JaVaScRiPt:alert(2)) <a href="java\tscript:alert(3)">y</a> [d](data:text/html,hi)',
  );
  assert.doesNotMatch(html, /javascript|alert|data:/i);
  assert.doesNotMatch(html, /<a /);
});

test('removes styles, iframes and forms', () => {
  const html = renderMarkdown(
    '<style>body{display:none}</style><p style="color:red">t</p><iframe src="https://x.example"></iframe><form><input></form>',
  );
  assert.doesNotMatch(html, /<style|style=|<iframe|<form|<input/i);
});

test('links to http, mailto and tel carry rel="noopener noreferrer"', () => {
  const html = renderMarkdown('[site](https://example.org) [mail](mailto:a@example.org) [call](tel:+12024561111)');
  assert.equal((html.match(/rel="noopener noreferrer"/g) ?? []).length, 3);
});

test('a level-one heading becomes level two, below the page title', () => {
  assert.match(renderMarkdown('# Big'), /<h2>Big<\/h2>/);
  assert.doesNotMatch(renderMarkdown('# Big'), /<h1/);
});

test('plain text drops markup and scripts', () => {
  assert.equal(markdownToText('# Title\n\nSome *text* & <script>x()</script>more.'), 'Title Some text & more.');
});
