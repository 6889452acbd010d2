/// `feed.xsl`: an XSLT 1.0 stylesheet that Atom and RSS feeds name when
/// `feeds.stylesheet` is on, so that a browser opening a feed shows a
/// readable page (title, how to subscribe, each entry with its date and
/// text) instead of raw XML. Feed readers ignore it.
enum FeedStylesheet {
    /// The stylesheet's file name, at the top of the output folder.
    static let fileName = "feed.xsl"

    /// Writes `<?xml-stylesheet type="text/xsl" href="…"?>` for the document
    /// at `stem`. The path is relative to the document, so that the
    /// stylesheet comes from wherever the folder is served: browsers apply
    /// only stylesheets of the document's own origin.
    static func writeReference(from stem: String, to xml: XMLWriter) throws(LibXMLError) {
        let href = String(repeating: "../", count: stem.count { $0 == "/" }) + fileName
        try xml.processingInstruction("xml-stylesheet", "type=\"text/xsl\" href=\"\(href)\"")
    }

    static let text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
          xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/"
          exclude-result-prefixes="atom content">
          <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
          <xsl:template match="/">
            <xsl:variable name="title" select="atom:feed/atom:title | rss/channel/title"/>
            <xsl:variable name="self" select="(atom:feed/atom:link | rss/channel/atom:link)[@rel='self']/@href"/>
            <html>
              <head>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title><xsl:value-of select="$title"/></title>
                <style>
                  body { font: 1rem/1.5 system-ui, sans-serif; max-width: 46rem; margin: 0 auto; padding: 1rem; }
                  .note { padding: 0.5em 1em; border: 1px solid #8886; border-radius: 4px; }
                  article { border-top: 1px solid #8884; padding: 1rem 0; }
                  img { max-width: 100%; height: auto; }
                  .meta { color: #777; font-size: 0.9rem; }
                </style>
              </head>
              <body>
                <h1><xsl:value-of select="$title"/></h1>
                <p><xsl:value-of select="atom:feed/atom:subtitle | rss/channel/description"/></p>
                <p class="note">This is a web feed. To follow it, copy its address into a feed reader:
                  <code><xsl:value-of select="$self"/></code></p>
                <xsl:apply-templates select="atom:feed/atom:entry | rss/channel/item"/>
              </body>
            </html>
          </xsl:template>
          <xsl:template match="atom:entry">
            <article>
              <h2><a href="{atom:link[@rel='alternate']/@href}"><xsl:value-of select="atom:title"/></a></h2>
              <p class="meta"><xsl:value-of select="substring(atom:published, 1, 10)"/></p>
              <xsl:value-of select="atom:content" disable-output-escaping="yes"/>
            </article>
          </xsl:template>
          <xsl:template match="item">
            <article>
              <h2><a href="{link}"><xsl:value-of select="title"/></a></h2>
              <p class="meta"><xsl:value-of select="pubDate"/></p>
              <xsl:value-of select="content:encoded" disable-output-escaping="yes"/>
            </article>
          </xsl:template>
        </xsl:stylesheet>

        """
}
