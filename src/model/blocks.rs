//! A page as plain data: sections with headings, paragraphs, lists, tables and figures. Views that
//! are mostly figures and sentences (the report, the comparison) are laid out as blocks in the
//! domain, so their words and figures are tested natively, and the page builds each kind of block
//! with a few plain DOM calls, whatever the number of tables and lists (each distinct view costs
//! wasm); only charts, and the sections that hold them, are views.

/// One block of a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A titled section: its heading is `h2` at the top of a page, `h3` one section down, and so
    /// on. `id` (may be empty) names the heading, which then labels the section.
    Section {
        id: &'static str,
        class: &'static str,
        title: String,
        body: Vec<Block>,
    },
    /// A paragraph, with a class ("" for none).
    P(&'static str, String),
    /// A paragraph that is one link within bita: its text and address.
    Link(String, &'static str),
    /// A list whose items are runs of text, each with a class ("" for none).
    List {
        ordered: bool,
        class: &'static str,
        items: Vec<Vec<(&'static str, String)>>,
    },
    Table(Table),
    Figure(Figure),
}

/// A table whose rows are named by their first cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub caption: String,
    pub head: Vec<String>,
    pub rows: Vec<(String, Vec<String>)>,
}

/// A chart with its caption, a legend when it draws several series, notes under it, and the table
/// that holds the same figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub caption: String,
    /// Element id of the chart (kept between visits, see `app::chart`).
    pub id: &'static str,
    /// File name of the PNG download.
    pub file: &'static str,
    /// What the chart shows, for screen readers.
    pub label: String,
    /// The ECharts option (`model::chart_options`).
    pub option: String,
    /// Name and colour of each series, when there are several.
    pub legend: Vec<(String, &'static str)>,
    pub notes: Vec<String>,
    pub table: Table,
}

/// A list of plain items.
pub fn list(ordered: bool, class: &'static str, items: Vec<String>) -> Block {
    Block::List {
        ordered,
        class,
        items: items.into_iter().map(|i| vec![("", i)]).collect(),
    }
}

impl Table {
    fn collect(&self, out: &mut Vec<String>) {
        out.push(self.caption.clone());
        out.push(self.head.join(" | "));
        for (name, cells) in &self.rows {
            out.push(format!("{name} | {}", cells.join(" | ")));
        }
    }
}

impl Block {
    /// Whether the block is a figure or holds one.
    pub fn has_figure(&self) -> bool {
        match self {
            Block::Figure(_) => true,
            Block::Section { body, .. } => body.iter().any(Block::has_figure),
            _ => false,
        }
    }

    fn collect(&self, out: &mut Vec<String>) {
        match self {
            Block::Section { title, body, .. } => {
                out.push(title.clone());
                body.iter().for_each(|b| b.collect(out));
            }
            Block::P(_, t) | Block::Link(t, _) => out.push(t.clone()),
            Block::List { items, .. } => out.extend(items.iter().map(|spans| {
                spans
                    .iter()
                    .map(|(_, t)| t.as_str())
                    .collect::<Vec<_>>()
                    .join(" ")
            })),
            Block::Table(t) => t.collect(out),
            Block::Figure(f) => {
                out.push(f.caption.clone());
                out.extend(f.legend.iter().map(|(n, _)| n.clone()));
                out.extend(f.notes.iter().cloned());
                f.table.collect(out);
            }
        }
    }
}

/// Every text of some blocks, one per line in reading order (what a test or a screen reader
/// finds; a table row is its cells joined by " | ").
pub fn text(blocks: &[Block]) -> String {
    let mut out = Vec::new();
    blocks.iter().for_each(|b| b.collect(&mut out));
    out.join("\n")
}
