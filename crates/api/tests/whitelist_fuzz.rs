//! Arbitrary bytes never panic the reader: every input gives rows (each valid or refused with
//! a reason) or one clear file-level error. A seeded loop (reproducible, no extra crates) over
//! random bytes and over mutations of real CSV (UTF-8, UTF-16, GBK and mixed) and XLSX files,
//! where the decoders' and parsers' edge cases are.

use partner_api::sheet::{write_xlsx, Cell};
use partner_api::whitelist::UploadRow;
use partner_api::whitelist_file::{template, template_csv};
use partner_api::whitelist_read::{read, ReadOutcome, ReadRequest};
use std::panic::{catch_unwind, AssertUnwindSafe};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Random changes: flip, insert, delete, overwrite runs, splice in tricky bytes.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut b = input.to_vec();
    const TRICKY: &[&[u8]] =
        &[b"\"", b"\r\n", b"\0", b",", b";", b"\t", b"\xef\xbb\xbf", b"\xff\xfe", b"PK\x03\x04", b"<", b"&#", b"]]>"];
    for _ in 0..1 + rng.below(8) {
        let at = rng.below(b.len() + 1);
        match rng.below(5) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] ^= 1 << rng.below(8);
            }
            1 => b.insert(at, rng.next() as u8),
            2 if at < b.len() => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let t = TRICKY[rng.below(TRICKY.len())];
                b.splice(at..at, t.iter().copied());
            }
            _ => {
                for i in at..(at + rng.below(16)).min(b.len()) {
                    b[i] = rng.next() as u8;
                }
            }
        }
    }
    b
}

fn gb18030(bytes: &[u8]) -> Result<String, String> {
    Ok(encoding_rs::GB18030.decode(bytes).0.into_owned())
}

/// What the import worker does with bytes, end to end; Err is a file-level message.
fn import(bytes: &[u8]) -> Result<usize, String> {
    let (out, chunks) = read(&ReadRequest::default(), bytes.to_vec(), &gb18030, &mut |_, _| {});
    let s = match out {
        ReadOutcome::Read(s) => s,
        ReadOutcome::Problem { problem, .. } => return Err(format!("{problem:?}")),
        ReadOutcome::Unreadable(e) => return Err(e.to_string()),
    };
    for p in &s.problems {
        let e = &p.error;
        assert!(e.row_no >= 2 && !e.error_code.is_empty() && !e.error_msg.is_empty(), "{e:?}");
    }
    let mut uploaded = 0;
    for c in &chunks {
        for r in serde_json::from_str::<Vec<UploadRow>>(c).unwrap() {
            assert!(r.customer_id.is_some() || r.account_name.is_some(), "{r:?}");
            // An ID that is sent is a normalised one.
            if let Some(id) = &r.customer_id {
                assert!(id.len() == 32 && id.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)), "{id}");
            }
            uploaded += 1;
        }
    }
    assert_eq!(uploaded, s.valid_rows as usize);
    Ok(uploaded + s.problems.len())
}

fn check(case: &str, bytes: &[u8]) {
    match catch_unwind(AssertUnwindSafe(|| import(bytes))) {
        Ok(Ok(_)) => {}
        Ok(Err(msg)) => assert!(!msg.trim().is_empty(), "{case}: an empty error"),
        Err(_) => panic!("{case}: panicked on {} bytes: {:?}", bytes.len(), &bytes[..bytes.len().min(200)]),
    }
}

#[test]
fn arbitrary_bytes_give_rows_or_a_clear_error() {
    let mut rng = Rng(0x5eed_2026_1125);
    for i in 0..3_000 {
        let len = rng.below(if i % 10 == 0 { 4_096 } else { 200 });
        let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        check(&format!("random #{i}"), &bytes);
        // Same, as a "zip": the signature first.
        let mut zipish = b"PK\x03\x04".to_vec();
        zipish.extend_from_slice(&bytes);
        check(&format!("random zip #{i}"), &zipish);
    }
}

#[test]
fn mutated_csv_and_xlsx_give_rows_or_a_clear_error() {
    let csv = format!("{}c-1,acme,\"a \"\"quoted\"\", remark\"\r\n,beta,\n\n", template_csv(true));
    let sheet: Vec<Vec<Cell>> = template(false)
        .into_iter()
        .chain(
            (0..40)
                .map(|i| vec![Cell::Text(format!("c-{i}")), Cell::Number(format!("{i}")), Cell::Text("备注".into())]),
        )
        .collect();
    let xlsx = write_xlsx("Whitelist", &sheet);
    let foreign =
        std::fs::read(format!("{}/tests/fixtures/whitelist/multi-sheet-merged.xlsx", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let fixture =
        |n: &str| std::fs::read(format!("{}/tests/fixtures/whitelist/{n}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let (utf16, mixed, gbk) = (fixture("utf16le-tabs.csv"), fixture("mixed-utf8-gbk.csv"), fixture("gbk.csv"));
    let excel = fixture("excel-cells.xlsx");
    let mut rng = Rng(0xfeed_beef);
    for i in 0..4_000 {
        check(&format!("csv #{i}"), &mutate(&mut rng, csv.as_bytes()));
        check(&format!("xlsx #{i}"), &mutate(&mut rng, &xlsx));
        check(&format!("openpyxl xlsx #{i}"), &mutate(&mut rng, &foreign));
        check(&format!("utf-16 #{i}"), &mutate(&mut rng, &utf16));
        check(&format!("mixed utf-8/gbk #{i}"), &mutate(&mut rng, &mixed));
        check(&format!("gbk #{i}"), &mutate(&mut rng, &gbk));
        check(&format!("excel cells #{i}"), &mutate(&mut rng, &excel));
    }
}
