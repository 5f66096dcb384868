/*
 * Embeds for django-prose-editor: a video, post or track from a provider Metro
 * knows (core/embeds.py), stored by provider and id as
 *
 *   <figure class="embed" data-embed-provider="youtube" data-embed-id="ID"></figure>
 *
 * never as the provider's own markup. An editor makes one by pasting the
 * address alone on an empty line, or with the "Embed" button. The server says
 * what an address is (the admin's embed endpoint, articles.admin): the editor
 * never guesses, and an address it does not know stays a plain link. In the
 * editor the embed shows as a card with the provider, the title and our copy
 * of the thumbnail, once the provider's oEmbed has told us them.
 */
import { crel, gettext, Node, Plugin } from "django-prose-editor/editor"

const ADDRESS = /^https?:\/\/\S+$/i

// What the endpoint said of each embed ("provider id" -> promise), asked once per page.
const descriptions = new Map()

async function askServer(describeUrl, params) {
  const response = await fetch(`${describeUrl}?${new URLSearchParams(params)}`, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  })
  if (!response.ok) throw new Error(`HTTP ${response.status}`)
  return response.json()
}

function describeStored(describeUrl, provider, id) {
  const key = `${provider} ${id}`
  if (!descriptions.has(key)) {
    const asked = askServer(describeUrl, { provider, id }).then((answer) => answer.embed)
    asked.catch(() => descriptions.delete(key))
    descriptions.set(key, asked)
  }
  return descriptions.get(key)
}

async function describeAddress(describeUrl, url) {
  const answer = await askServer(describeUrl, { url })
  if (answer.embed) {
    descriptions.set(`${answer.embed.provider} ${answer.embed.id}`, Promise.resolve(answer.embed))
  }
  return answer
}

function drawCard(dom, embed, fallback) {
  const about = crel("div", { className: "metro-embed__about" }, [
    crel("span", {
      className: "metro-embed__provider",
      textContent: embed ? `${embed.providerName} ${embed.noun}` : fallback.provider,
    }),
    crel("strong", {
      className: "metro-embed__title",
      textContent: embed ? embed.title : fallback.title,
    }),
    crel("span", { className: "metro-embed__url", textContent: embed ? embed.url : "" }),
    // Why there is no title or thumbnail: the provider's answer, for the editor.
    ...(embed?.problem
      ? [crel("span", { className: "metro-embed__problem", textContent: embed.problem })]
      : []),
  ])
  const thumbnail = embed?.thumbnail
    ? [crel("img", { className: "metro-embed__thumbnail", src: embed.thumbnail, alt: "" })]
    : []
  dom.replaceChildren(...thumbnail, about)
}

export const Embed = Node.create({
  name: "embed",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { describeUrl: null, figureClass: "embed" }
  },

  addAttributes() {
    return {
      provider: {
        default: "",
        parseHTML: (figure) => figure.dataset.embedProvider ?? "",
        renderHTML: () => ({}),
      },
      embedId: {
        default: "",
        parseHTML: (figure) => figure.dataset.embedId ?? "",
        renderHTML: () => ({}),
      },
    }
  },

  parseHTML() {
    return [{ tag: `figure.${this.options.figureClass}[data-embed-provider]`, priority: 60 }]
  },

  renderHTML({ node }) {
    return [
      "figure",
      {
        class: this.options.figureClass,
        "data-embed-provider": node.attrs.provider,
        "data-embed-id": node.attrs.embedId,
      },
    ]
  },

  addNodeView() {
    const { describeUrl } = this.options
    return ({ node }) => {
      const dom = crel("figure", { className: "metro-embed" })
      let shown = null
      const show = (current) => {
        const { provider, embedId } = current.attrs
        shown = `${provider} ${embedId}`
        drawCard(dom, null, { provider, title: gettext("Embedded content") })
        describeStored(describeUrl, provider, embedId)
          .then((embed) => {
            if (shown !== `${provider} ${embedId}`) return
            if (embed) drawCard(dom, embed)
            else {
              const title = gettext("Not an embed Metro knows: it will be dropped.")
              drawCard(dom, null, { provider, title })
            }
          })
          .catch(() => {})
      }
      show(node)
      return {
        dom,
        update: (updated) => {
          if (updated.type.name !== this.name) return false
          if (`${updated.attrs.provider} ${updated.attrs.embedId}` !== shown) show(updated)
          return true
        },
      }
    }
  },

  addCommands() {
    return {
      insertEmbed:
        (embed) =>
        ({ commands }) =>
          commands.insertContent({
            type: this.name,
            attrs: { provider: embed.provider, embedId: embed.id },
          }),
    }
  },

  addProseMirrorPlugins() {
    const { describeUrl } = this.options
    const editor = this.editor
    const name = this.name
    return [
      new Plugin({
        props: {
          // An address pasted alone on an empty line: a link at once, and the embed
          // in its place if the server says it is one (and the line is still just it).
          handlePaste(view, event) {
            const text = event.clipboardData?.getData("text/plain")?.trim() ?? ""
            const { selection, schema } = view.state
            const line = selection.$from.parent
            if (
              !ADDRESS.test(text) ||
              !selection.empty ||
              line.type.name !== "paragraph" ||
              line.content.size !== 0
            ) {
              return false
            }
            const link = schema.marks.link?.create({ href: text })
            const address = schema.text(text, link ? [link] : [])
            view.dispatch(view.state.tr.replaceSelectionWith(address, false))
            describeAddress(describeUrl, text)
              .then((answer) => answer.embed && replaceLine(editor, name, text, answer.embed))
              .catch(() => {})
            return true
          },
        },
      }),
    ]
  },

  addMenuItems({ buttons, menu }) {
    const { describeUrl } = this.options
    menu.defineItem({
      name: "embed",
      groups: "nodes",
      button: buttons.text(
        gettext("Embed"),
        gettext(
          "Embed a video, post or track from YouTube, Vimeo, X, Instagram, TikTok, " +
            "Bluesky, Spotify, SoundCloud or Apple Podcasts",
        ),
      ),
      command: async (editor) => {
        const url = window.prompt(gettext("Address of the video, post or track to embed:"))
        if (!url?.trim()) return
        try {
          const answer = await describeAddress(describeUrl, url.trim())
          if (answer.embed) editor.chain().focus().insertEmbed(answer.embed).run()
          else window.alert(answer.message)
        } catch {
          window.alert(gettext("The address could not be checked. Try again."))
        }
      },
      active: (editor) => editor.isActive(this.name),
      enabled: (editor) => editor.isEditable,
    })
  },
})

// The paragraph that is exactly `text` becomes the embed, with the caret on a new
// empty line after it. Nothing happens if the line has changed since the paste.
function replaceLine(editor, name, text, embed) {
  let found = null
  editor.state.doc.descendants((node, pos) => {
    if (found) return false
    if (node.type.name === "paragraph" && node.textContent === text) found = { node, pos }
    return node.type.name !== "paragraph"
  })
  if (!found) return
  const from = found.pos
  editor
    .chain()
    .insertContentAt({ from, to: from + found.node.nodeSize }, [
      { type: name, attrs: { provider: embed.provider, embedId: embed.id } },
      { type: "paragraph" },
    ])
    // After the embed (one position) and into the new paragraph (one more).
    .setTextSelection(from + 2)
    .focus()
    .run()
}
