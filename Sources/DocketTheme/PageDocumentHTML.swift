/// What the built-in `page.mustache` makes of a doc page, made without Mustache.
///
/// Running the template was a tenth of a build's time: swift-mustache splits every tag's name
/// and casts each value it finds through several protocols, about a hundred times a page.
/// `Theme` uses this only while `page.mustache` and the partials it shows here (`head`,
/// `breadcrumbs`, `banners`, `sidebar`, `pagination`, `toc`) are the built-in ones, word for word;
/// the partials it includes whole (`navbar`, `sidebar-drawer`, `footer`) still come from the
/// theme's templates, through `partial`. `PageHTMLTests` holds both ways to the same output.
extension PageDocument {
    /// The page. `partial` renders a template of the theme with this page's data, for the
    /// partials that stand alone on a line at column 0 of the built-in templates.
    func builtInHTML(partial: (String) throws(ThemeError) -> String) throws(ThemeError) -> String {
        let page = self.page
        var html = ""
        html.reserveCapacity(page.contentHTML.utf8.count + page.sidebarHTML.utf8.count + 12_000)
        appendEscaped("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<title>", page.htmlTitle, "</title>\n", to: &html)
        appendHead(to: &html)
        appendEscaped("</head>\n<body class=\"docket docket--doc\" data-page-url=\"", page.url, "\"", to: &html)
        if page.hasMermaid { appendEscaped(" data-mermaid-script=\"", page.mermaidScriptUrl, "\"", to: &html) }
        html += ">\n"
        html += try partial("navbar")
        html += "<div class=\"docket-layout\">\n"
        // sidebar.mustache
        html += "<aside class=\"docket-sidebar\" id=\"docket-sidebar\" aria-label=\"Site navigation\">\n"
        html += try partial("sidebar-drawer")
        html += "  <nav class=\"sidebar menu\" aria-label=\"Docs sidebar\" data-sidebar-json=\""
        html += text(site.assetsUrl)
        html += docsVersion.map { text($0.sidebarJSON) } ?? "sidebar.json"
        html += "\">\n    <ul class=\"menu__list\">"
        html += page.sidebarHTML
        html += "</ul>\n  </nav>\n</aside>\n"
        html += "<a class=\"drawer-backdrop\" href=\"#\" tabindex=\"-1\" aria-hidden=\"true\"></a>\n"
        html += "<main class=\"docket-main\" id=\"main-content\">\n<div class=\"docket-main__row\">\n"
        html += "<div class=\"docket-doc\">\n"
        appendBreadcrumbs(to: &html)
        appendBanners(to: &html)
        if page.hasToc {
            html += "<details class=\"toc-mobile\">\n  <summary>On this page</summary>\n"
            html += "  <ul class=\"table-of-contents\">"
            html += page.tocItemsHTML
            html += "</ul>\n</details>\n"
        }
        if let runbook = page.runbook { appendRunbook(runbook, to: &html) }
        html += "<article class=\"doc-article\">\n<div class=\"markdown\">\n"
        html += page.contentHTML
        html += "\n</div>\n</article>\n<footer class=\"doc-footer\">\n"
        if !page.tags.isEmpty {
            html += "  <div class=\"doc-footer__tags\">\n    <span class=\"doc-footer__tags-label\">Tags:</span>\n"
            html += "    <ul class=\"tags\">"
            for tag in page.tags {
                appendEscaped(
                    "<li class=\"tags__item\"><a class=\"tag\" href=\"", tag.url ?? "", "\" rel=\"tag\">", to: &html)
                html += text(tag.label)
                html += "</a></li>"
            }
            html += "</ul>\n  </div>\n"
        }
        if let editUrl = page.editUrl {
            appendEscaped(
                "  <a class=\"edit-this-page\" href=\"", editUrl, "\" target=\"_blank\" rel=\"noopener noreferrer\">",
                to: &html)
            html += Self.editIcon
            html += "Edit this page</a>\n"
        }
        if let lastUpdate = page.lastUpdate {
            html += "  <p class=\"last-updated\">Last updated"
            if let date = lastUpdate.date {
                appendEscaped(" on <b><time datetime=\"", lastUpdate.iso ?? "", "\">", to: &html)
                html += text(date)
                html += "</time></b>"
            }
            if let author = lastUpdate.author { appendEscaped(" by <b>", author, "</b>", to: &html) }
            html += "</p>\n"
        }
        html += "</footer>\n"
        appendPagination(to: &html)
        html += "</div>\n"
        if page.hasToc {
            html += "<aside class=\"docket-toc\">\n  <nav class=\"toc\" aria-labelledby=\"toc-title\">\n"
            html += "    <p class=\"toc__title\" id=\"toc-title\">On this page</p>\n"
            html += "    <ul class=\"table-of-contents\">"
            html += page.tocItemsHTML
            html += "</ul>\n  </nav>\n</aside>\n"
        }
        html += "</div>\n</main>\n</div>\n"
        html += try partial("footer")
        appendEscaped("<script src=\"", site.assetsUrl, "docket.js\" defer></script>\n", to: &html)
        if let form = page.runbook?.form, !form.parameters.isEmpty {
            appendEscaped("<script src=\"", site.assetsUrl, "runbook.js\" defer></script>", to: &html)
        }
        if page.hasTabs { appendEscaped("<script src=\"", site.assetsUrl, "tabs.js\" defer></script>", to: &html) }
        html += "\n</body>\n</html>\n"
        return html
    }

    /// Appends `start`, `value` escaped, then `end`: a tag around one value. Three appends, not
    /// `start + text(value) + end`, which built the whole in a string of its own first.
    private func appendEscaped(_ start: String, _ value: String, _ end: String, to html: inout String) {
        html += start
        html += text(value)
        html += end
    }

    /// head.mustache.
    private func appendHead(to html: inout String) {
        html += Self.headStart
        appendEscaped("<link rel=\"stylesheet\" href=\"", site.assetsUrl, "docket.css\">\n", to: &html)
        if let logo = site.logo {
            appendEscaped("<link rel=\"icon\" href=\"", logo.src, "\">\n", to: &html)
        } else {
            appendEscaped(
                "<link rel=\"icon\" href=\"", site.assetsUrl, "favicon.svg\" type=\"image/svg+xml\">\n", to: &html)
        }
        if let canonical = page.canonicalUrl {
            appendEscaped("<link rel=\"canonical\" href=\"", canonical, "\">\n", to: &html)
            appendEscaped("<meta property=\"og:url\" content=\"", canonical, "\">\n", to: &html)
        }
        appendEscaped("<meta property=\"og:site_name\" content=\"", site.title, "\">\n", to: &html)
        appendEscaped("<meta property=\"og:title\" content=\"", page.htmlTitle, "\">\n", to: &html)
        if let description = page.description {
            appendEscaped("<meta name=\"description\" content=\"", description, "\">\n", to: &html)
            appendEscaped("<meta property=\"og:description\" content=\"", description, "\">\n", to: &html)
        }
        if let keywords = page.keywords {
            appendEscaped("<meta name=\"keywords\" content=\"", keywords, "\">\n", to: &html)
        }
        if page.noindex { html += "<meta name=\"robots\" content=\"noindex, nofollow\">\n" }
    }

    /// breadcrumbs.mustache.
    private func appendBreadcrumbs(to html: inout String) {
        guard !page.breadcrumbs.isEmpty else { return }
        html += "<nav class=\"breadcrumbs\" aria-label=\"Breadcrumbs\">\n  <ul class=\"breadcrumbs__list\">\n"
        appendEscaped(
            "    <li class=\"breadcrumbs__item breadcrumbs__item--home\"><a class=\"breadcrumbs__link\" href=\"",
            site.baseUrl, "\" aria-label=\"Home page\">", to: &html)
        html += Self.homeIcon
        html += "</a></li>\n"
        for crumb in page.breadcrumbs {
            html += "    <li class=\"breadcrumbs__item\">"
            if let url = crumb.url {
                appendEscaped("<a class=\"breadcrumbs__link\" href=\"", url, "\">", to: &html)
                html += text(crumb.label)
                html += "</a>"
            } else {
                appendEscaped("<span class=\"breadcrumbs__link\">", crumb.label, "</span>", to: &html)
            }
            html += "</li>\n"
        }
        html += "  </ul>\n</nav>\n"
    }

    /// banners.mustache.
    private func appendBanners(to html: inout String) {
        if let banner = page.versionBanner {
            html += "<div class=\"admonition admonition-caution page-banner version-banner\" role=\"note\">\n"
            html += "  <div class=\"admonition-content\">\n    <p>"
            if banner.unreleased {
                appendEscaped("This is unreleased documentation for ", banner.siteTitle, " <b>", to: &html)
                html += text(banner.label)
                html += "</b> version."
            }
            if banner.unmaintained {
                appendEscaped("This is documentation for ", banner.siteTitle, " <b>", to: &html)
                html += text(banner.label)
                html += "</b>, which is no longer actively maintained."
            }
            appendEscaped(
                "</p>\n    <p>For up-to-date documentation, see the <b><a href=\"", banner.latestUrl,
                "\">latest version</a></b> (", to: &html)
            html += text(banner.latestLabel)
            html += ").</p>\n  </div>\n</div>\n"
        }
        if let badge = page.versionBadge {
            appendEscaped("<p class=\"version-badge\">Version: ", badge, "</p>\n", to: &html)
        }
        if page.unlisted { html += Self.unlistedBanner }
        if page.draft { html += Self.draftBanner }
    }

    /// The runbook banner of page.mustache.
    private func appendRunbook(_ runbook: RunbookBannerView, to html: inout String) {
        let id = text(runbook.id)
        html += "<aside class=\"runbook-banner\" aria-label=\"Runbook\">\n"
        html += "  <p><span class=\"runbook-banner__label\">Runbook</span>\n"
        html += "  The \(runbook.stepCount) labelled steps of this page are the runbook <code>"
        html += id
        html += "</code>:\n"
        appendEscaped(
            "  <a class=\"runbook-banner__link\" href=\"", runbook.scriptUrl, "\" download>download ", to: &html)
        html += id
        html += ".sh</a>\n"
        html += "  and run it with <code>--help</code>, or <code>--dry-run</code> first. Start at a step with "
        html += "<code>--from NAME</code>.</p>\n"
        if let form = runbook.form, !form.parameters.isEmpty {
            html += "  <form class=\"runbook-form\" data-runbook=\""
            html += id
            html += "\" autocomplete=\"off\">\n"
            html += "  <ul class=\"runbook-params\" aria-label=\"Parameters of "
            html += id
            html += "\">\n"
            for parameter in form.parameters { appendParameter(parameter, to: &html) }
            html += "  </ul>\n  <p class=\"runbook-form__actions\" hidden>\n"
            html += "    <button type=\"button\" class=\"runbook-form__download\">Download "
            html += id
            html += ".params</button>\n"
            html += "    <button type=\"button\" class=\"runbook-form__forget\">Forget my values</button>\n"
            html += "    <span class=\"runbook-form__note\">The commands below now show your values. They stay in "
            html += "this browser; secrets are never stored.</span>\n  </p>\n  </form>\n"
            html += "  <script type=\"application/json\" class=\"runbook-data\">"
            html += form.json
            html += "</script>\n"
        }
        html += "</aside>\n"
    }

    /// One row of the runbook's parameters.
    private func appendParameter(_ parameter: RunbookParameterView, to html: inout String) {
        let name = text(parameter.name)
        html += "    <li class=\"runbook-param\" data-param=\""
        html += name
        html += "\">\n"
        html +=
            "      <label class=\"runbook-param__name\" for=\"runbook-param-" + name + "\"><code>" + name + "</code>"
        if parameter.secret { html += " <span class=\"runbook-param__tag\">secret</span>" }
        html += "</label>\n      <p class=\"runbook-param__description\">"
        html += text(parameter.description)
        if let choices = parameter.choices { appendEscaped("<span>One of ", choices, "</span>", to: &html) }
        if let value = parameter.defaultValue {
            appendEscaped("<span>Default: <code>", value, "</code></span>", to: &html)
        }
        if let example = parameter.example {
            appendEscaped("<span>Example: <code>", example, "</code></span>", to: &html)
        }
        if let step = parameter.producedBy {
            appendEscaped("<span>Given by step <a href=\"#step-", step, "\">", to: &html)
            html += text(step)
            html += "</a></span>"
        }
        html += "</p>\n      <input class=\"runbook-param__input\" id=\"runbook-param-"
        html += name
        html += "\" type=\""
        html += (parameter.secret ? "password" : "text")
        html += "\" name=\""
        html += name
        html += "\""
        if let example = parameter.example { appendEscaped(" placeholder=\"", example, "\"", to: &html) }
        if let pattern = parameter.pattern { appendEscaped(" data-pattern=\"", pattern, "\"", to: &html) }
        html += " spellcheck=\"false\" hidden>\n    </li>\n"
    }

    /// pagination.mustache.
    private func appendPagination(to html: inout String) {
        html += "<nav class=\"pagination-nav\" aria-label=\"Docs pages\">\n"
        for (link, kind, sublabel) in [(page.prev, "prev", "Previous"), (page.next, "next", "Next")] {
            guard let link else { continue }
            html += "  <a class=\"pagination-nav__link pagination-nav__link--"
            html += kind
            html += "\" href=\""
            html +=
                text(link.url ?? "") + "\" rel=\"" + kind + "\"><span class=\"pagination-nav__sublabel\">"
            html += sublabel
            appendEscaped("</span><span class=\"pagination-nav__label\">", link.label, "</span></a>\n", to: &html)
        }
        html += "</nav>\n"
    }

    private static let headStart = """
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="docket">
        <meta name="color-scheme" content="light dark">
        <script>(function(){var d=document.documentElement,t;d.className+=" js";try{t=localStorage.getItem("docket-theme")}catch(e){}if(t!=="light"&&t!=="dark"){t=window.matchMedia&&window.matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light"}d.setAttribute("data-theme",t)})();</script>

        """

    private static let homeIcon =
        "<svg width=\"16\" height=\"16\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M3.5 10.5 12 3.5l8.5 7V20a1 1 0 0 1-1 1H15v-6.5H9V21H4.5a1 1 0 0 1-1-1Z\" fill=\"currentColor\"/></svg>"

    private static let editIcon =
        "<svg width=\"16\" height=\"16\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" focusable=\"false\"><path d=\"M4 20h4L19 9l-4-4L4 16v4ZM13.5 6.5l4 4\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linejoin=\"round\"/></svg>"

    private static let unlistedBanner = """
        <div class="admonition admonition-caution page-banner" role="note">
          <div class="admonition-heading"><span class="admonition-icon"></span>Unlisted page</div>
          <div class="admonition-content"><p>This page is unlisted. Search engines will not index it, and only users having a direct link can access it.</p></div>
        </div>

        """

    private static let draftBanner = """
        <div class="admonition admonition-caution page-banner" role="note">
          <div class="admonition-heading"><span class="admonition-icon"></span>Draft page</div>
          <div class="admonition-content"><p>This page is a draft. It is shown only by development builds and is left out of the production site.</p></div>
        </div>

        """
}

/// `value` escaped as the templates escape a `{{…}}` tag (`HTMLEscaping`).
private func text(_ value: String) -> String { HTMLEscaping().escapeText(value) }
