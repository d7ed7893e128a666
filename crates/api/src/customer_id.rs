//! Customer (account) IDs as people paste and type them: normalised first, then checked, so a
//! malformed ID is refused with its reason before anything is sent, and an upper-case or
//! full-width copy of an ID is the same customer (docs/contracts/whitelist.md, "Customer IDs").

use std::borrow::Cow;

/// A Huawei Cloud account (domain) ID: 32 hexadecimal characters.
pub const ID_LEN: usize = 32;

/// Characters that show as nothing (or reorder the text around them) and so cannot be seen in
/// a cell: zero-width spaces and joiners, the BOM, and the bidirectional embedding, override,
/// isolate and mark controls.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{FEFF}'
            | '\u{00AD}'
    )
}

/// A control character or an invisible one (see [`is_invisible`]).
pub fn is_control_or_invisible(c: char) -> bool {
    c.is_control() || is_invisible(c)
}

/// A value for showing: each control or invisible character as its code point (`[U+202E]`),
/// so a bidi override cannot reorder what people read and nothing hides in a cell. Line
/// breaks and tabs become spaces.
pub fn visible(v: &str) -> Cow<'_, str> {
    if !v.chars().any(is_control_or_invisible) {
        return Cow::Borrowed(v);
    }
    let mut out = String::with_capacity(v.len() + 8);
    for c in v.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c if is_control_or_invisible(c) => out.push_str(&format!("[U+{:04X}]", c as u32)),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Full-width ASCII (what Chinese input methods type: `ＡＢ１２`) to ASCII, and the
/// ideographic space to a space.
pub fn to_half_width(s: &str) -> Cow<'_, str> {
    if s.is_ascii() || !s.chars().any(|c| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}')) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                c => c,
            })
            .collect(),
    )
}

/// Trimmed (spaces and invisible characters at either end), half-width, lower-case. Borrows
/// when the ID is already in that form (the usual case), so checking costs no copy.
pub fn normalise(id: &str) -> Cow<'_, str> {
    if id.is_ascii() {
        let trimmed = id.trim();
        return if trimmed.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(trimmed.to_ascii_lowercase())
        } else {
            Cow::Borrowed(trimmed)
        };
    }
    let trimmed = id.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    let half = to_half_width(trimmed);
    let half = match half {
        Cow::Borrowed(b) => Cow::Borrowed(b.trim()),
        Cow::Owned(o) => Cow::Owned(o.trim().to_string()),
    };
    if half.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(half.to_ascii_lowercase())
    } else {
        half
    }
}

/// Why a (normalised) ID is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    /// A space, control or invisible character inside it: `U+200B`.
    Invisible(String),
    /// What Excel shows for a long number (`1.23457E+31`): the digits are gone.
    StoredAsNumber,
    /// Letters and `_`/`-` an account name has, not hex: it belongs in the account-name column.
    LooksLikeName,
    /// Hex, but not 32 characters long: how many it has.
    Length(usize),
    /// Another character that is not hex: the first one.
    NotHex(char),
}

/// `1.23E+31`, `1.2345678901234E+031`, `12E5`.
fn is_scientific(s: &str) -> bool {
    let Some((mantissa, exponent)) = s.split_once(['e', 'E']) else { return false };
    let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, "0"));
    [int, frac, exponent].iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        && mantissa.contains('.')
}

/// Letters, digits and `_-.@` with a letter no ID has; an ID's length with one such letter is
/// a typo in an ID instead.
fn looks_like_account_name(s: &str) -> bool {
    let ok = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-' || c == '.' || c == '@';
    let named =
        s.chars().filter(|c| c.is_ascii_alphabetic() && !c.is_ascii_hexdigit() || matches!(c, '_' | '@')).count();
    s.chars().all(ok) && named > 0 && !(s.len() == ID_LEN && named == 1)
}

/// The problem with a normalised ID, if any.
pub fn problem(id: &str) -> Option<IdProblem> {
    // ASCII (nearly every ID) is checked by bytes: only spaces and C0 controls can hide there.
    let hidden = if id.is_ascii() {
        id.bytes().find(|&b| b == b' ' || b.is_ascii_control()).map(char::from)
    } else {
        id.chars().find(|&c| c.is_whitespace() || is_control_or_invisible(c))
    };
    if let Some(c) = hidden {
        return Some(IdProblem::Invisible(format!("U+{:04X}", c as u32)));
    }
    if id.bytes().all(|b| b.is_ascii_hexdigit()) {
        return (id.len() != ID_LEN).then(|| IdProblem::Length(id.chars().count()));
    }
    if is_scientific(id) {
        return Some(IdProblem::StoredAsNumber);
    }
    if looks_like_account_name(id) {
        return Some(IdProblem::LooksLikeName);
    }
    id.chars().find(|c| !c.is_ascii_hexdigit()).map(IdProblem::NotHex)
}

/// Normalises and checks: the ID to use, or why it is not one.
pub fn check(raw: &str) -> Result<Cow<'_, str>, IdProblem> {
    let id = normalise(raw);
    match problem(&id) {
        Some(p) => Err(p),
        None => Ok(id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "0a1b2c3d4e5f60718293a4b5c6d7e8f9";

    #[test]
    fn normalising_borrows_what_is_already_normal() {
        assert!(matches!(normalise(ID), Cow::Borrowed(_)));
        assert!(matches!(normalise(&format!("  {ID}\t")), Cow::Borrowed(_)));
        assert_eq!(normalise(&ID.to_uppercase()), ID);
        let full: String = ID.chars().map(|c| char::from_u32(c as u32 + 0xFEE0).unwrap()).collect();
        assert_eq!(normalise(&format!("\u{3000}{full}\u{200B}")), ID);
    }

    #[test]
    fn the_ascii_fast_paths_agree_with_the_general_ones() {
        // Every ASCII character at either end and inside an ID.
        for b in 0u8..128 {
            let c = b as char;
            for v in [format!("{c}{ID}"), format!("{ID}{c}"), format!("{}{c}{}", &ID[..9], &ID[9..])] {
                let general = v.chars().find(|&c| c.is_whitespace() || is_control_or_invisible(c));
                let fast = v.bytes().find(|&b| b == b' ' || b.is_ascii_control()).map(char::from);
                assert_eq!(fast, general, "{v:?}");
                let trimmed = v.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
                assert_eq!(normalise(&v), trimmed.to_ascii_lowercase(), "{v:?}");
            }
        }
    }

    #[test]
    fn invisible_characters_are_shown_by_code() {
        assert!(matches!(visible("plain 客户"), Cow::Borrowed(_)));
        assert_eq!(visible("ev\u{202E}il\u{200B}\nx\0"), "ev[U+202E]il[U+200B] x[U+0000]");
    }

    #[test]
    fn every_kind_of_bad_id_has_its_reason() {
        assert_eq!(check(ID).as_deref(), Ok(ID));
        assert_eq!(check(&format!("{ID}\u{feff}")).as_deref(), Ok(ID), "a BOM at the end is trimmed");
        assert_eq!(check(&ID[..31]), Err(IdProblem::Length(31)));
        assert_eq!(check(&format!("{ID}0")), Err(IdProblem::Length(33)));
        assert_eq!(check(&format!("{}\u{200B}{}", &ID[..10], &ID[10..])), Err(IdProblem::Invisible("U+200B".into())));
        assert_eq!(check(&format!("{}\u{202E}{}", &ID[..10], &ID[10..])), Err(IdProblem::Invisible("U+202E".into())));
        assert_eq!(check(&format!("{} {}", &ID[..10], &ID[10..])), Err(IdProblem::Invisible("U+0020".into())));
        assert_eq!(check("1.23457E+31"), Err(IdProblem::StoredAsNumber));
        assert_eq!(check("1.2345678901234E+031"), Err(IdProblem::StoredAsNumber));
        assert_eq!(check("beijing_acme_cloud_0001"), Err(IdProblem::LooksLikeName));
        assert_eq!(check("acme-cloud-12"), Err(IdProblem::LooksLikeName));
        assert_eq!(check("c-001"), Err(IdProblem::NotHex('-')));
        assert_eq!(check("客户一"), Err(IdProblem::NotHex('客')));
        assert_eq!(check(&format!("{}g{}", &ID[..20], &ID[21..])), Err(IdProblem::NotHex('g')), "a typo in an ID");
        assert_eq!(check("#N/A"), Err(IdProblem::NotHex('#')));
        assert_eq!(check("12e45"), Err(IdProblem::Length(5)), "hex digits only: a short hex ID");
    }
}
