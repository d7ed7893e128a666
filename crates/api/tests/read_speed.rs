//! How long reading a 100,000-row whitelist workbook takes natively (the import's core, #12).
//! Not a pass/fail timing: `cargo test --release -p partner-api --test read_speed -- --ignored
//! --nocapture` prints the median of 5 reads, for comparing two versions on one machine.

use partner_api::sheet::{read_xlsx, write_xlsx, Cell};
use std::time::Instant;

#[test]
#[ignore = "a measurement, run by hand"]
fn read_100000_rows_xlsx() {
    let mut rows = vec![vec![Cell::Text("客户ID".into()), Cell::Text("客户名称".into()), Cell::Text("备注".into())]];
    for i in 0..100_000u64 {
        rows.push(vec![
            Cell::Text(format!("{:032x}", i.wrapping_mul(0x9e37_79b9_7f4a_7c15))),
            Cell::Text(format!("customer_{i}")),
            Cell::Text(if i % 3 == 0 { "VIP".into() } else { String::new() }),
        ]);
    }
    let bytes = write_xlsx("名单", &rows);
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let read = read_xlsx(&bytes).expect("reads");
            assert_eq!(read.len(), 100_001);
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    println!("xlsx 100,000 rows: median {:.1} ms ({} bytes)", times[2], bytes.len());
}
