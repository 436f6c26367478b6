"use client";

import { memo } from "react";
import Markdown, { type Components, defaultUrlTransform } from "react-markdown";
import remarkBreaks from "remark-breaks";
import remarkGfm from "remark-gfm";
import { cn } from "@/lib/utils";

/**
 * Chat messages as GitHub-flavoured Markdown. Safe by default: react-markdown never
 * renders raw HTML (it is shown as text), and `defaultUrlTransform` drops `javascript:`
 * and other unsafe URLs. Headings and images are shown as plain text or links: a chat
 * bubble is no place for a banner or a tracking pixel.
 */
const components: Components = {
  a: ({ node: _node, href, children, ...props }) => (
    <a
      {...props}
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className="font-medium underline underline-offset-2 hover:opacity-80"
    >
      {children}
    </a>
  ),
  p: ({ node: _node, ...props }) => <p className="my-1 first:mt-0 last:mb-0" {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="my-1 list-disc pl-5" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="my-1 list-decimal pl-5" {...props} />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="my-1 border-current/40 border-l-2 pl-2 opacity-90" {...props} />
  ),
  pre: ({ node: _node, ...props }) => (
    <pre
      className="my-1 max-w-full overflow-x-auto whitespace-pre rounded-md bg-black/10 p-2 font-mono text-xs dark:bg-white/10"
      {...props}
    />
  ),
  code: ({ node: _node, className, ...props }) => (
    <code
      className={cn("rounded bg-black/10 px-1 font-mono text-[0.85em] dark:bg-white/10", className)}
      {...props}
    />
  ),
  table: ({ node: _node, ...props }) => (
    <div className="my-1 max-w-full overflow-x-auto">
      <table
        className="border-collapse text-xs [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2"
        {...props}
      />
    </div>
  ),
  h1: ({ node: _node, ...props }) => <p className="my-1 font-semibold" {...props} />,
  h2: ({ node: _node, ...props }) => <p className="my-1 font-semibold" {...props} />,
  h3: ({ node: _node, ...props }) => <p className="my-1 font-semibold" {...props} />,
  h4: ({ node: _node, ...props }) => <p className="my-1 font-semibold" {...props} />,
  h5: ({ node: _node, ...props }) => <p className="my-1 font-semibold" {...props} />,
  h6: ({ node: _node, ...props }) => <p className="my-1 font-semibold" {...props} />,
  img: ({ node: _node, src, alt }) =>
    typeof src === "string" ? (
      <a href={src} target="_blank" rel="noopener noreferrer" className="underline underline-offset-2">
        {alt || src}
      </a>
    ) : (
      alt
    ),
};

// Chat line breaks are meant: a single newline is a line break, as people expect when they press Shift+Enter.
const REMARK_PLUGINS = [remarkGfm, remarkBreaks];

export const MessageMarkdown = memo(function MessageMarkdown({ content }: { content: string }) {
  return (
    <div className="break-words [overflow-wrap:anywhere]">
      <Markdown remarkPlugins={REMARK_PLUGINS} components={components} urlTransform={defaultUrlTransform}>
        {content}
      </Markdown>
    </div>
  );
});
