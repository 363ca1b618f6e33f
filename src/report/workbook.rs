//! The evaluation results as an XLSX workbook: the points per requirement and supplier with the
//! totals as live formulas (each with its computed result cached, for viewers that do not
//! recalculate), and a second sheet with the qualification.

use rust_xlsxwriter::{
    ColNum, DocProperties, ExcelDateTime, Format, Formula, RowNum, Workbook, Worksheet, XlsxError,
    row_col_to_cell, row_col_to_cell_absolute,
};

use super::Report;
use crate::Error;
use crate::catalogue::Language;
use crate::evaluation::{Points, hundredths};
use crate::profile::PriceModel;

/// The first column holding a supplier on the points sheet (D).
const FIRST_SUPPLIER: ColNum = 3;

/// Rows of the settings block on the points sheet (0-based): scale, quality weight, price weight.
const SCALE_ROW: RowNum = 2;
const QUALITY_ROW: RowNum = 3;
const PRICE_WEIGHT_ROW: RowNum = 4;
/// The header of the points table; evaluated requirements follow it.
const HEADER_ROW: RowNum = 7;

impl Report<'_> {
    /// The workbook's bytes; the same results give the same bytes (the creation date is the
    /// profile's date).
    pub fn xlsx(&self) -> Result<Vec<u8>, Error> {
        self.workbook()
            .map_err(|error| Error::Runtime(format!("cannot write the workbook: {error}")))
    }

    fn workbook(&self) -> Result<Vec<u8>, XlsxError> {
        let labels = Labels::for_language(self.profile.language);
        let mut workbook = Workbook::new();
        workbook.set_properties(&self.properties()?);

        let points = workbook.add_worksheet();
        points.set_name(labels.points_sheet)?;
        self.points_sheet(points, &labels)?;
        printable(points);

        let qualification = workbook.add_worksheet();
        qualification.set_name(labels.qualification_sheet)?;
        self.qualification_sheet(qualification, &labels)?;
        printable(qualification);
        workbook.save_to_buffer()
    }

    fn properties(&self) -> Result<DocProperties, XlsxError> {
        let project = &self.profile.project;
        let date = project.date.split('-').map(str::parse::<u32>);
        let [Ok(year), Ok(month), Ok(day)] = date.collect::<Vec<_>>()[..] else {
            return Err(XlsxError::ParameterError(format!(
                "the profile's date {} is not YYYY-MM-DD",
                project.date
            )));
        };
        let created = ExcelDateTime::from_ymd(year as u16, month as u8, day as u8)?;
        Ok(DocProperties::new()
            .set_title(format!(
                "{}: {}",
                super::stem(self.profile.language),
                project.title
            ))
            .set_company(&project.buyer)
            .set_author("kravgen")
            .set_creation_datetime(&created))
    }

    fn points_sheet(&self, sheet: &mut Worksheet, labels: &Labels) -> Result<(), XlsxError> {
        let bold = Format::new().set_bold();
        let title = format!("{}: {}", labels.title, self.profile.project.title);
        sheet.write_string_with_format(0, 0, title, &bold)?;
        self.settings(sheet, labels)?;

        let qualified = self.qualified();
        sheet.write_string_with_format(HEADER_ROW, 0, "ID", &bold)?;
        sheet.write_string_with_format(HEADER_ROW, 1, labels.requirement, &bold)?;
        sheet.write_string_with_format(HEADER_ROW, 2, labels.weight, &bold)?;
        for (column, (supplier, _, _)) in supplier_columns(&qualified) {
            sheet.write_string_with_format(HEADER_ROW, column, supplier, &bold)?;
        }

        self.weights_and_points(sheet, &qualified)?;
        Totals::new(self, &qualified).write(sheet, labels)?;

        sheet.set_column_width(0, 24)?;
        sheet.set_column_width(1, 40)?;
        sheet.set_column_width(2, 10)?;
        for (column, _) in supplier_columns(&qualified) {
            sheet.set_column_width(column, 16)?;
        }
        Ok(())
    }

    fn settings(&self, sheet: &mut Worksheet, labels: &Labels) -> Result<(), XlsxError> {
        let rules = &self.outcome.rules;
        sheet.write_string(SCALE_ROW, 0, labels.scale)?;
        sheet.write_number(SCALE_ROW, 1, rules.scale)?;
        sheet.write_string(QUALITY_ROW, 0, labels.quality_weight)?;
        sheet.write_number(QUALITY_ROW, 1, rules.quality_weight)?;
        sheet.write_string(PRICE_WEIGHT_ROW, 0, labels.price_weight)?;
        let quality = row_col_to_cell(QUALITY_ROW, 1);
        let price_weight =
            Formula::new(format!("=100-{quality}")).set_result(rules.price_weight().to_string());
        sheet.write_formula(PRICE_WEIGHT_ROW, 1, price_weight)?;
        sheet.write_string(PRICE_WEIGHT_ROW + 1, 0, labels.price_model)?;
        let model = match rules.price_model {
            PriceModel::Linear => labels.linear,
            PriceModel::Proportional => labels.proportional,
        };
        sheet.write_string(PRICE_WEIGHT_ROW + 1, 1, model)?;
        Ok(())
    }

    /// A row per evaluated requirement: id, topic, weight and each qualified supplier's points.
    fn weights_and_points(
        &self,
        sheet: &mut Worksheet,
        qualified: &[(String, Points, usize)],
    ) -> Result<(), XlsxError> {
        for (index, weight) in self.outcome.rules.weights.iter().enumerate() {
            let row = HEADER_ROW + 1 + index as RowNum;
            let topic = self.set.evaluated.iter().find(|r| r.id == weight.id);
            sheet.write_string(row, 0, &weight.id)?;
            sheet.write_string(row, 1, topic.map(super::label).unwrap_or_default())?;
            sheet.write_number(row, 2, weight.weight)?;
            for (column, (_, _, response)) in supplier_columns(qualified) {
                let scores = &self.responses[*response].scores;
                let points = scores.get(&weight.id).map_or(0.0, |s| s.points);
                sheet.write_number(row, column, points)?;
            }
        }
        Ok(())
    }

    fn qualification_sheet(&self, sheet: &mut Worksheet, labels: &Labels) -> Result<(), XlsxError> {
        let bold = Format::new().set_bold();
        sheet.write_string_with_format(0, 0, "ID", &bold)?;
        sheet.write_string_with_format(0, 1, labels.requirement, &bold)?;
        for (index, tender) in self.outcome.tenders.iter().enumerate() {
            sheet.write_string_with_format(0, 2 + index as ColNum, &tender.supplier, &bold)?;
        }

        let rows = self.qualification();
        for (index, row) in rows.iter().enumerate() {
            let at = 1 + index as RowNum;
            sheet.write_string(at, 0, &row.id)?;
            sheet.write_string(at, 1, &row.text)?;
            for (column, cell) in row.cells.iter().enumerate() {
                sheet.write_string(at, 2 + column as ColNum, &cell.answer)?;
            }
        }

        let result = 1 + rows.len() as RowNum;
        sheet.write_string_with_format(result, 1, labels.result, &bold)?;
        for (index, tender) in self.outcome.tenders.iter().enumerate() {
            let text = match tender.failures.is_empty() {
                true => labels.qualified.to_string(),
                false => format!("{} ({})", labels.rejected, failed_ids(tender)),
            };
            sheet.write_string_with_format(result, 2 + index as ColNum, text, &bold)?;
        }
        sheet.set_column_width(0, 8)?;
        sheet.set_column_width(1, 60)?;
        Ok(())
    }

    /// The qualified tenders in the order given: supplier, points and index of the response.
    fn qualified(&self) -> Vec<(String, Points, usize)> {
        self.outcome
            .tenders
            .iter()
            .enumerate()
            .filter_map(|(index, t)| Some((t.supplier.clone(), t.points?, index)))
            .collect()
    }
}

fn failed_ids(tender: &crate::evaluation::Tender) -> String {
    let ids: Vec<&str> = tender.failures.iter().map(|f| f.id.as_str()).collect();
    ids.join(", ")
}

/// Each qualified supplier with the column it gets on the points sheet.
fn supplier_columns<T>(qualified: &[T]) -> impl Iterator<Item = (ColNum, &T)> {
    qualified
        .iter()
        .enumerate()
        .map(|(index, supplier)| (FIRST_SUPPLIER + index as ColNum, supplier))
}

/// The rows under the points table: quality points, price, Pmin, price points, total, rounded
/// total and rank, each a formula over the cells above it.
struct Totals<'a> {
    qualified: &'a [(String, Points, usize)],
    prices: Vec<f64>,
    lowest: f64,
    model: PriceModel,
    /// The first and last row of the points table.
    first: RowNum,
    last: RowNum,
    /// The row of each result (its label in column A).
    quality_row: RowNum,
    price_row: RowNum,
    lowest_row: RowNum,
    price_points_row: RowNum,
    total_row: RowNum,
    rounded_row: RowNum,
    rank_row: RowNum,
}

impl<'a> Totals<'a> {
    fn new(report: &'a Report, qualified: &'a [(String, Points, usize)]) -> Totals<'a> {
        let last = HEADER_ROW + report.outcome.rules.weights.len() as RowNum;
        Totals {
            qualified,
            prices: qualified
                .iter()
                .map(|(_, _, index)| report.outcome.tenders[*index].price)
                .collect(),
            lowest: report.outcome.lowest_price.unwrap_or_default(),
            model: report.outcome.rules.price_model,
            first: HEADER_ROW + 1,
            last,
            quality_row: last + 2,
            price_row: last + 3,
            lowest_row: last + 4,
            price_points_row: last + 5,
            total_row: last + 6,
            rounded_row: last + 7,
            rank_row: last + 8,
        }
    }

    fn write(&self, sheet: &mut Worksheet, labels: &Labels) -> Result<(), XlsxError> {
        let bold = Format::new().set_bold();
        let names = [
            (self.quality_row, labels.quality_points),
            (self.price_row, labels.price),
            (self.lowest_row, labels.lowest_price),
            (self.price_points_row, labels.price_points),
            (self.total_row, labels.total),
            (self.rounded_row, labels.rounded_total),
            (self.rank_row, labels.rank),
        ];
        for (row, name) in names {
            sheet.write_string_with_format(row, 0, name, &bold)?;
        }
        if self.qualified.is_empty() {
            return Ok(());
        }

        self.lowest_price(sheet)?;
        for ((column, (_, points, _)), offered) in
            supplier_columns(self.qualified).zip(&self.prices)
        {
            self.supplier(sheet, column, points, *offered)?;
        }
        Ok(())
    }

    /// One qualified supplier's column: price, then every result as a formula.
    fn supplier(
        &self,
        sheet: &mut Worksheet,
        column: ColNum,
        points: &Points,
        offered: f64,
    ) -> Result<(), XlsxError> {
        let cell = |row| row_col_to_cell(row, column);
        let amount = Format::new().set_num_format("#,##0.##");
        sheet.write_number_with_format(self.price_row, column, offered, &amount)?;
        self.quality(sheet, column, points.quality)?;

        let scale = row_col_to_cell_absolute(SCALE_ROW, 1);
        let pmin = row_col_to_cell_absolute(self.lowest_row, 2);
        let price = cell(self.price_row);
        let formula = match self.model {
            PriceModel::Linear => format!("={scale}-{scale}*({price}-{pmin})/{pmin}"),
            PriceModel::Proportional => format!("={scale}*{pmin}/{price}"),
        };
        write(sheet, self.price_points_row, column, &formula, points.price)?;

        let q = row_col_to_cell_absolute(QUALITY_ROW, 1);
        let p = row_col_to_cell_absolute(PRICE_WEIGHT_ROW, 1);
        let (quality, price_points) = (cell(self.quality_row), cell(self.price_points_row));
        let formula = format!("={q}/100*{quality}+{p}/100*{price_points}");
        write(sheet, self.total_row, column, &formula, points.total)?;

        let shown = hundredths(points.total) as f64 / 100.0;
        let formula = format!("=ROUND({},2)", cell(self.total_row));
        write(sheet, self.rounded_row, column, &formula, shown)?;

        let rounded = cell(self.rounded_row);
        let formula = format!("=RANK({rounded},{})", self.row_range(self.rounded_row));
        let rank = Formula::new(formula).set_result(points.rank.to_string());
        sheet.write_formula(self.rank_row, column, rank)?;
        Ok(())
    }

    /// Σ weight × points / Σ weights over the points table, or 0 when nothing is evaluated.
    fn quality(&self, sheet: &mut Worksheet, column: ColNum, value: f64) -> Result<(), XlsxError> {
        let row = self.quality_row;
        if self.last < self.first {
            sheet.write_number(row, column, 0.0)?;
            return Ok(());
        }
        let weights = format!(
            "{}:{}",
            row_col_to_cell_absolute(self.first, 2),
            row_col_to_cell_absolute(self.last, 2)
        );
        let points = format!(
            "{}:{}",
            row_col_to_cell(self.first, column),
            row_col_to_cell(self.last, column)
        );
        let formula = format!("=SUMPRODUCT({weights},{points})/SUM({weights})");
        write(sheet, row, column, &formula, value)
    }

    /// Pmin: the lowest price among the qualified tenders, in column C.
    fn lowest_price(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        let formula = format!("=MIN({})", self.row_range(self.price_row));
        write(sheet, self.lowest_row, 2, &formula, self.lowest)
    }

    /// The qualified suppliers' cells of one row, absolute: `$D$20:$E$20`.
    fn row_range(&self, row: RowNum) -> String {
        let last = FIRST_SUPPLIER + self.qualified.len() as ColNum - 1;
        format!(
            "{}:{}",
            row_col_to_cell_absolute(row, FIRST_SUPPLIER),
            row_col_to_cell_absolute(row, last)
        )
    }
}

/// A live formula with kravgen's own result cached, shown with two decimals.
fn write(
    sheet: &mut Worksheet,
    row: RowNum,
    column: ColNum,
    formula: &str,
    result: f64,
) -> Result<(), XlsxError> {
    let format = Format::new().set_num_format("0.00");
    let formula = Formula::new(formula).set_result(result.to_string());
    sheet.write_formula_with_format(row, column, formula, &format)?;
    Ok(())
}

struct Labels {
    title: &'static str,
    points_sheet: &'static str,
    qualification_sheet: &'static str,
    scale: &'static str,
    quality_weight: &'static str,
    price_weight: &'static str,
    price_model: &'static str,
    linear: &'static str,
    proportional: &'static str,
    requirement: &'static str,
    weight: &'static str,
    quality_points: &'static str,
    price: &'static str,
    lowest_price: &'static str,
    price_points: &'static str,
    total: &'static str,
    rounded_total: &'static str,
    rank: &'static str,
    result: &'static str,
    qualified: &'static str,
    rejected: &'static str,
}

impl Labels {
    fn for_language(language: Language) -> Labels {
        match language {
            Language::Nb => Labels {
                title: "Evalueringsresultat",
                points_sheet: "Poeng",
                qualification_sheet: "Kvalifisering",
                scale: "Poengskala (0 til)",
                quality_weight: "Kvalitet (%)",
                price_weight: "Pris (%)",
                price_model: "Prismodell",
                linear: "lineær",
                proportional: "forholdsmessig",
                requirement: "Krav",
                weight: "Vekt (%)",
                quality_points: "Kvalitetspoeng",
                price: "Pris (P)",
                lowest_price: "Laveste pris (Pmin)",
                price_points: "Prispoeng",
                total: "Totalpoeng",
                rounded_total: "Totalpoeng, to desimaler",
                rank: "Rangering",
                result: "Resultat",
                qualified: "Kvalifisert",
                rejected: "Avvist",
            },
            Language::En => Labels {
                title: "Evaluation results",
                points_sheet: "Points",
                qualification_sheet: "Qualification",
                scale: "Points scale (0 to)",
                quality_weight: "Quality (%)",
                price_weight: "Price (%)",
                price_model: "Price model",
                linear: "linear",
                proportional: "proportional",
                requirement: "Requirement",
                weight: "Weight (%)",
                quality_points: "Quality points",
                price: "Price (P)",
                lowest_price: "Lowest price (Pmin)",
                price_points: "Price points",
                total: "Total points",
                rounded_total: "Total points, two decimals",
                rank: "Rank",
                result: "Result",
                qualified: "Qualified",
                rejected: "Rejected",
            },
        }
    }
}

/// Printed on A4 landscape, each sheet as wide as one page.
fn printable(sheet: &mut Worksheet) {
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
}
