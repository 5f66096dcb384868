"use strict";
// Film genres and platforms can be created from the film form's autocomplete: typing
// a name that does not exist offers "Create “…”", which adds it through the same admin
// page the "+" link opens (its permissions and validation included) and selects it.
document.addEventListener("DOMContentLoaded", () => window.django?.jQuery(startCreating))

const NEW = "__desk_new__:"

function startCreating($) {
  for (const select of document.querySelectorAll("select.admin-autocomplete[data-desk-create]")) {
    const addLink = document.getElementById(`add_${select.id}`)
    if (!addLink) {
      continue // No permission to add: the autocomplete stays as it was.
    }
    $(select).select2("destroy")
    $(select).select2({
      ajax: {
        data: (params) => ({
          term: params.term,
          page: params.page,
          app_label: select.dataset.appLabel,
          model_name: select.dataset.modelName,
          field_name: select.dataset.fieldName,
        }),
      },
      tags: true,
      createTag: (params) => {
        const name = params.term.trim()
        return name ? { id: NEW + name, text: `Create “${name}”` } : null
      },
    })
    $(select).on("select2:select", (event) => {
      const id = String(event.params.data.id)
      if (id.startsWith(NEW)) {
        create($, select, addLink.href, id.slice(NEW.length), id)
      }
    })
  }
}

async function create($, select, addUrl, name, placeholderId) {
  const placeholder = [...select.options].find((option) => option.value === placeholderId)
  const form = new FormData()
  form.append("csrfmiddlewaretoken", select.form.elements.csrfmiddlewaretoken.value)
  form.append("name", name)
  // ASCII slugs, as the models want; a name with no Latin letters gets a made-up one.
  const slug = (window.URLify && window.URLify(name, 50, false)) || `new-${Date.now()}`
  form.append("slug", slug)
  form.append("_popup", "1")
  form.append("_save", "1")
  const response = await fetch(addUrl, { method: "POST", body: form, credentials: "same-origin" })
  const page = new DOMParser().parseFromString(await response.text(), "text/html")
  const answer = page.getElementById("django-admin-popup-response-constants")
  placeholder?.remove()
  if (!answer) {
    const error = page.querySelector(".errorlist")
    window.alert(`Could not create “${name}”: ${error ? error.textContent : response.status}`)
    $(select).trigger("change")
    return
  }
  const created = JSON.parse(answer.dataset.popupResponse)
  select.append(new Option(created.obj, created.value, true, true))
  $(select).trigger("change")
}
