//! The little XML reading XLSX needs: find elements by name, read attributes, and unescape
//! text. Office Open XML parts are machine-written and well-formed; anything odd yields
//! fewer cells rather than a panic.

/// Unescapes the five named entities and numeric character references.
pub fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let Some(end) = tail.find(';') else {
            out.push_str(tail);
            return out;
        };
        let entity = &tail[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => entity
                .strip_prefix("#x")
                .map(|h| u32::from_str_radix(h, 16))
                .or_else(|| entity.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=end]),
        }
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    out
}

/// Escapes text for element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot carry at all are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// One element found by [`elements`]: its attribute text and its inner XML (empty when
/// self-closing).
pub struct Element<'a> {
    pub attrs: &'a str,
    pub inner: &'a str,
}

impl Element<'_> {
    /// The value of attribute `name` (`name="…"` or `name='…'`).
    pub fn attr(&self, name: &str) -> Option<String> {
        let mut rest = self.attrs;
        while let Some(i) = rest.find(name) {
            let before_ok = i == 0 || rest.as_bytes()[i - 1].is_ascii_whitespace();
            let after = &rest[i + name.len()..];
            let after_trim = after.trim_start();
            if before_ok && after_trim.starts_with('=') {
                let v = after_trim[1..].trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = v[1..].find(q)?;
                    return Some(unescape(&v[1..1 + end]));
                }
            }
            rest = after;
        }
        None
    }
}

/// Every `<name …>…</name>` or `<name …/>` in `xml`, not nested in itself, in order. The name
/// may carry a namespace prefix in the document (`x:c`), which is ignored.
pub fn elements<'a>(xml: &'a str, name: &str) -> Vec<Element<'a>> {
    Elements { xml, name, pos: 0 }.collect()
}

/// The first element [`elements`] would give, without scanning the rest (a cell's `<v>` or
/// `<f>`: read once per cell of a 100,000-row sheet).
pub fn first<'a>(xml: &'a str, name: &str) -> Option<Element<'a>> {
    Elements { xml, name, pos: 0 }.next()
}

/// The elements named `name` in `xml`, from `pos` on; allocates nothing.
struct Elements<'a, 'n> {
    xml: &'a str,
    name: &'n str,
    pos: usize,
}

impl<'a> Iterator for Elements<'a, '_> {
    type Item = Element<'a>;

    fn next(&mut self) -> Option<Element<'a>> {
        let xml = self.xml;
        while let Some(rel) = xml[self.pos..].find('<') {
            let start = self.pos + rel + 1;
            let tag_end = start + xml[start..].find('>')?;
            let tag = &xml[start..tag_end];
            let tag_name = tag.split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or_default();
            let local = tag_name.rsplit(':').next().unwrap_or(tag_name);
            if local != self.name || tag.starts_with('/') || tag.starts_with('?') || tag.starts_with('!') {
                self.pos = tag_end + 1;
                continue;
            }
            let attrs = tag[tag_name.len()..].trim_end_matches('/');
            if tag.ends_with('/') {
                self.pos = tag_end + 1;
                return Some(Element { attrs, inner: "" });
            }
            let inner_start = tag_end + 1;
            let (inner_end, after) = match close_tag(&xml[inner_start..], tag_name) {
                Some((at, len)) => (inner_start + at, inner_start + at + len),
                None => (xml.len(), xml.len()),
            };
            self.pos = after;
            return Some(Element { attrs, inner: &xml[inner_start..inner_end] });
        }
        self.pos = xml.len();
        None
    }
}

/// Where `</tag_name>` starts in `xml`, and its length.
fn close_tag(xml: &str, tag_name: &str) -> Option<(usize, usize)> {
    let bytes = xml.as_bytes();
    let mut from = 0;
    while let Some(rel) = xml[from..].find("</") {
        let at = from + rel;
        let name_end = at + 2 + tag_name.len();
        if xml.get(at + 2..name_end) == Some(tag_name) && bytes.get(name_end) == Some(&b'>') {
            return Some((at, tag_name.len() + 3));
        }
        from = at + 2;
    }
    None
}

/// All text of the `<t>` elements inside (rich-text runs joined), unescaped.
pub fn text_of(xml: &str) -> String {
    elements(xml, "t").iter().map(|t| unescape(t.inner)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities() {
        assert_eq!(unescape("a &amp; b &lt;c&gt; &#20013;&#x6587; &bogus; &"), "a & b <c> 中文 &bogus; &");
        assert_eq!(escape("<a & \"b\">\u{1}"), "&lt;a &amp; &quot;b&quot;&gt;");
    }

    #[test]
    fn finds_elements_and_attributes() {
        let xml = r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r='B1'/><x:c r="C1"><v>2</v></x:c></row>"#;
        let cells = elements(xml, "c");
        assert_eq!(cells.len(), 3);
        assert_eq!(cells[0].attr("r").as_deref(), Some("A1"));
        assert_eq!(cells[0].attr("t").as_deref(), Some("s"));
        assert_eq!(cells[1].attr("r").as_deref(), Some("B1"));
        assert_eq!(cells[1].inner, "");
        assert_eq!(cells[2].inner, "<v>2</v>");
        assert_eq!(text_of("<si><r><t>a</t></r><r><t xml:space=\"preserve\"> b</t></r></si>"), "a b");
    }
}
