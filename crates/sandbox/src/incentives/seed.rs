//! The seeded incentives, by partner account: `huitong_services` has fourteen months
//! (2025-10 … 2026-11) across every state, so that each quarter shows one case of B4:
//! 2025-Q4 paid; 2026-Q1 ready for payment; 2026-Q2 a month in preliminary review;
//! 2026-Q3 none passed; 2026-Q4 months still open (November is a draft, December has none).
//! Every time lies before the seed's reference "now" (2026-11-20).

use super::Ledger;
use chrono::Duration;
use partner_api::incentives::feedback::{feedback_status, Feedback};
use partner_api::incentives::model::{
    bill_status as bill, fee_type, status, BillEvent, ConsumptionLine, FeeLine, Incentive, IncentiveDetail, OtherInfo,
    ProductLine,
};
use partner_api::incentives::payment::{payment_status, PaymentApplication};
use partner_api::incentives::period::Period;
use partner_api::money::MEASURE_YUAN;
use partner_api::Amount;
use rust_decimal::Decimal;

/// (period, status, bill status, rejection reason of the bill).
const HUITONG: &[(&str, &str, &str, Option<&str>)] = &[
    ("2025-10", status::FINAL, bill::CONFIRMED, None),
    ("2025-11", status::FINAL, bill::CONFIRMED, None),
    ("2025-12", status::FINAL, bill::CONFIRMED, None),
    ("2026-01", status::FINAL, bill::CONFIRMED, None),
    ("2026-02", status::FINAL, bill::CONFIRMED, None),
    ("2026-03", status::REJECTED, bill::NONE, None),
    ("2026-04", status::FINAL, bill::CONFIRMED, None),
    ("2026-05", status::IN_REVIEW, bill::REJECTED, Some("对象存储服务的消费金额与我方账单不一致,请复核。")),
    ("2026-06", status::PASSED, bill::PENDING, None),
    ("2026-07", status::REJECTED, bill::NONE, None),
    ("2026-08", status::REJECTED, bill::NONE, None),
    ("2026-09", status::REJECTED, bill::NONE, None),
    ("2026-10", status::PASSED, bill::PENDING, None),
    ("2026-11", status::DRAFT, bill::NONE, None),
];

/// (service type code, name, product) of the consumption and product lines.
const SERVICES: &[(&str, &str, &str)] = &[
    ("hws.service.type.ec2", "弹性云服务器", "ECS 通用计算增强型 c7"),
    ("hws.service.type.obs", "对象存储服务", "OBS 标准存储"),
    ("hws.service.type.rds", "云数据库 RDS", "RDS for MySQL 主备"),
];

fn yuan(cents: i64) -> Amount {
    Amount::from_cents(cents)
}

fn detail(i: usize, (period, st, bill_st, reason): (&str, &str, &str, Option<&str>)) -> IncentiveDetail {
    let p = Period::parse(period).expect("seeded period");
    // Figures vary by month but are fixed: consumption per service, a 5/3/4 % rate.
    let rates = [500i64, 300, 400];
    let products: Vec<ProductLine> = SERVICES
        .iter()
        .zip(rates)
        .enumerate()
        .map(|(k, ((code, _, product), rate))| {
            let consumption = 18_000_000 + (i as i64 * 731_513 + k as i64 * 2_950_000) % 9_000_000;
            ProductLine {
                product_name: (*product).into(),
                service_type_code: (*code).into(),
                consumption_amount: yuan(consumption),
                rate_percent: yuan(rate),
                incentive_amount: Amount((yuan(consumption).0 * Decimal::new(rate, 4)).round_dp(2)),
            }
        })
        .collect();
    let consumption: Vec<ConsumptionLine> = SERVICES
        .iter()
        .zip(&products)
        .enumerate()
        .map(|(k, ((code, name, _), line))| ConsumptionLine {
            service_type_code: (*code).into(),
            service_type_name: (*name).into(),
            customer_count: 12 + ((i * 7 + k * 5) % 30) as u32,
            consumption_amount: line.consumption_amount,
        })
        .collect();
    let base = Amount(products.iter().map(|l| l.incentive_amount.0).sum());
    let growth = yuan(50_000 + (i as i64 % 4) * 25_000);
    let deduction = yuan(-((i as i64 % 3) * 12_000));
    let total = Amount(base.0 + growth.0 + deduction.0);
    let consumed = Amount(products.iter().map(|l| l.consumption_amount.0).sum());
    // Reviewed on the 8th of the next month, final on the 15th.
    let reviewed = p.next().start() + Duration::days(7) + Duration::hours(2);
    let finished = p.next().start() + Duration::days(14) + Duration::hours(3);
    let reviewed_yet = st != status::DRAFT && st != status::IN_REVIEW || reason.is_some();
    let mut history = Vec::new();
    if bill_st == bill::CONFIRMED {
        history.push(BillEvent { decision: "confirm".into(), reason: None, operator: "郑浩".into(), time: finished });
    }
    if let Some(r) = reason {
        let at = reviewed + Duration::days(2);
        history.push(BillEvent {
            decision: "reject".into(),
            reason: Some(r.into()),
            operator: "郑浩".into(),
            time: at,
        });
    }
    let update_time =
        history.last().map(|e| e.time).unwrap_or(if reviewed_yet { reviewed } else { p.start() + Duration::days(1) });
    IncentiveDetail {
        incentive: Incentive {
            incentive_id: format!("INC-{}-{:03}", period.replace('-', ""), 101 + i),
            period: period.into(),
            policy_name: "2026 年度服务伙伴激励政策".into(),
            status: st.into(),
            bill_status: bill_st.into(),
            incentive_amount: if st == status::DRAFT { Amount::ZERO } else { total },
            consumption_amount: consumed,
            currency: "CNY".into(),
            measure_id: MEASURE_YUAN,
            feedback_count: 0,
            unanswered_feedback_count: 0,
            bill_reject_reason: reason.map(String::from),
            bill_confirm_time: (bill_st == bill::CONFIRMED).then_some(finished),
            update_time,
        },
        consumption,
        fees: vec![
            FeeLine { fee_type: fee_type::BASE.into(), amount: base },
            FeeLine { fee_type: fee_type::GROWTH.into(), amount: growth },
            FeeLine { fee_type: fee_type::DEDUCTION.into(), amount: deduction },
        ],
        products,
        other: OtherInfo {
            settlement_entity: "慧通云服务有限公司".into(),
            contract_no: format!("HWC-SP-2026-{:04}", 3100 + i),
            review_remark: match st {
                status::REJECTED => Some("本期消费未达到激励门槛。".into()),
                status::PASSED | status::FINAL => Some("初审通过。".into()),
                _ => None,
            },
            review_time: reviewed_yet.then_some(reviewed),
            final_time: (st == status::FINAL).then_some(finished),
        },
        bill_history: history,
    }
}

/// (incentive index in HUITONG, content, answer).
const FEEDBACKS: &[(usize, &str, Option<&str>)] = &[
    (4, "二月的增长激励比预估少,请说明计算口径。", Some("增长激励按同比增量的 5% 计算,已附明细,请查阅。")),
    (7, "五月对象存储服务的消费金额与我方账单不一致,请复核。", None),
    (8, "六月弹性云服务器的客户数量少统计了两家,请核实。", Some("已核实:两家客户的关联于七月生效,计入七月。")),
    (8, "请问六月账单何时可以定稿?我们需要尽快确认。", None),
];

fn feedbacks(incentives: &mut [IncentiveDetail]) -> Vec<Feedback> {
    FEEDBACKS
        .iter()
        .enumerate()
        .map(|(n, &(i, content, answer))| {
            let inc = &mut incentives[i].incentive;
            let p = Period::parse(&inc.period).expect("seeded period");
            let at = p.next().start() + Duration::days(9) + Duration::hours(n as i64);
            inc.feedback_count += 1;
            if answer.is_none() {
                inc.unanswered_feedback_count += 1;
            }
            Feedback {
                feedback_id: format!("FB-{:05}", 1001 + n),
                incentive_id: inc.incentive_id.clone(),
                content: content.into(),
                author: "孙丽".into(),
                create_time: at,
                status: if answer.is_some() { feedback_status::ANSWERED } else { feedback_status::PENDING }.into(),
                answer: answer.map(String::from),
                answer_time: answer.map(|_| at + Duration::days(2)),
            }
        })
        .collect()
}

fn huitong() -> Ledger {
    let mut incentives: Vec<IncentiveDetail> = HUITONG.iter().enumerate().map(|(i, &row)| detail(i, row)).collect();
    let feedbacks = feedbacks(&mut incentives);
    let q4: Amount = Amount(incentives[..3].iter().map(|d| d.incentive.incentive_amount.0).sum());
    let applied = Period::parse("2026-01").expect("period").start() + Duration::days(20);
    let paid = PaymentApplication {
        application_id: "PAY-2025Q4-0001".into(),
        quarter: "2025-Q4".into(),
        amount: q4,
        currency: "CNY".into(),
        payment_status: payment_status::PAID.into(),
        create_time: applied,
    };
    incentives.reverse();
    Ledger { incentives, feedbacks, applications: [("2025-Q4".to_string(), (paid, true))].into(), seq: 1 }
}

/// Every seeded ledger, by partner account.
pub fn ledgers() -> Vec<(&'static str, Ledger)> {
    vec![("huitong_services", huitong())]
}
