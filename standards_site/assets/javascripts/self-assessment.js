/* The self-assessment worksheet (templates/framework/self_assessment.md.j2).
 *
 * The answers (a level, evidence and planned actions per standard) are kept in this
 * browser's localStorage, under a key of the page's own path (so per edition, and per
 * site when several sites share a host), saved on every change; nothing is sent anywhere.
 * The summary counts the standards at each level and says, politely, how many are done.
 * Export: JSON (format marker and version, edition, site address, every standard with its
 * answers), which imports again here or into another edition's worksheet (the answers move
 * with the crosswalk the page carries, built by framework/self_assessment.py, and the
 * message lists what changed); CSV for spreadsheets (UTF-8 with a byte order mark so that
 * Excel reads it as UTF-8, CRLF, RFC 4180 quotes, and a leading apostrophe on any cell
 * that a spreadsheet would run as a formula); print (the print stylesheet shows the
 * answers in full). Clear asks first. Everything the content or a file says is written
 * into the page as text (textContent), never as markup.
 * Without JavaScript none of the tools show, and the page is a blank worksheet to print. */
(function () {
  var FORMULA_START = /^[=+\-@\t\r]/;

  function mount() {
    var root = document.getElementById("self-assessment");
    if (!root) return;
    var worksheet = {
      edition: root.getAttribute("data-edition"),
      editionTitle: root.getAttribute("data-edition-title"),
      format: root.getAttribute("data-format"),
      version: Number(root.getAttribute("data-version")),
      siteRoot: new URL(root.getAttribute("data-site-root"), window.location.href).href,
      // The page's path, the same whether it was opened as …/self-assessment/ or …/index.html
      key: "self-assessment:" + window.location.pathname.replace(/index\.html$/, ""),
      scale: scaleOf(document),
      standards: [].slice.call(document.querySelectorAll(".self-assessment__standard")).map(standardOf),
      crosswalk: crosswalkOf(document)
    };
    var message = document.getElementById("self-assessment-message");
    var summary = summaryOf(document, worksheet);

    var stored = load(worksheet.key);
    if (stored) show(worksheet, stored.answers || {});
    summary.update();

    document.getElementById("self-assessment-no-script").hidden = true;
    root.hidden = false;
    document.getElementById("summary").hidden = false;
    if (!storageWorks()) {
      document.getElementById("self-assessment-storage").textContent =
        "This browser is not letting the page keep your answers (its storage is off or full): " +
        "they will be lost when you leave. Export them to keep them.";
    }

    worksheet.standards.forEach(function (item) {
      item.fieldset.addEventListener("input", function (event) {
        if (event.target.tagName === "TEXTAREA") mirror(event.target);
        save(worksheet);
      });
      item.fieldset.addEventListener("change", function (event) {
        save(worksheet);
        if (event.target.type === "radio") summary.update();
      });
    });

    var actions = {
      "export-json": function () {
        download(fileName(worksheet, "json"), "application/json",
                 JSON.stringify(exported(worksheet), null, 2) + "\n");
        say(message, "Exported " + fileName(worksheet, "json") + ".", [], false, true);
      },
      "export-csv": function () {
        download(fileName(worksheet, "csv"), "text/csv;charset=utf-8", csv(worksheet));
        say(message, "Exported " + fileName(worksheet, "csv") + ".", [], false, true);
      },
      "print": function () { window.print(); },
      "clear": function () {
        if (!window.confirm("Clear every answer on this worksheet? This cannot be undone: export them first to keep a copy.")) return;
        show(worksheet, {});
        try { window.localStorage.removeItem(worksheet.key); } catch (error) { /* storage off: nothing kept */ }
        summary.update();
        say(message, "All answers cleared from this worksheet and from this browser's storage.", []);
      }
    };
    root.querySelectorAll("[data-action]").forEach(function (button) {
      button.addEventListener("click", actions[button.getAttribute("data-action")]);
    });

    var input = document.getElementById("self-assessment-import");
    input.addEventListener("change", function () {
      var file = input.files && input.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var result = importAnswers(worksheet, file.name, text);
        if (result.error) {
          say(message, result.error, [], true);
        } else if (!answered(worksheet) || window.confirm(
            "Importing replaces the answers on this worksheet with those of " + file.name + ". Continue?")) {
          show(worksheet, result.answers);
          save(worksheet);
          summary.update();
          say(message, result.headline, result.changes);
        }
        input.value = "";
      });
    });
  }

  // -- reading the page ----------------------------------------------------------------------

  function scaleOf(doc) {
    return [].slice.call(doc.querySelectorAll("#self-assessment-counts tr[data-level]"))
      .filter(function (row) { return row.getAttribute("data-level") !== ""; })
      .map(function (row) { return { id: row.getAttribute("data-level"), label: row.querySelector("th").textContent }; });
  }

  function standardOf(fieldset) {
    var id = fieldset.getAttribute("data-standard");
    return {
      id: id,
      title: fieldset.getAttribute("data-title"),
      fieldset: fieldset,
      radios: [].slice.call(fieldset.querySelectorAll('input[type="radio"]')),
      evidence: document.getElementById("evidence_" + id),
      actions: document.getElementById("actions_" + id)
    };
  }

  function crosswalkOf(doc) {
    var block = doc.getElementById("self-assessment-crosswalk");
    return block ? JSON.parse(block.textContent) : { editions: {} };
  }

  /* {id: {level, evidence, actions}} of every standard with an answer. */
  function answersOf(worksheet) {
    var answers = {};
    worksheet.standards.forEach(function (item) {
      var answer = answerOf(item);
      if (answer.level || answer.evidence || answer.actions) answers[item.id] = answer;
    });
    return answers;
  }

  function answerOf(item) {
    var checked = item.radios.filter(function (radio) { return radio.checked; })[0];
    return { level: checked ? checked.value : "", evidence: item.evidence.value, actions: item.actions.value };
  }

  function answered(worksheet) { return Object.keys(answersOf(worksheet)).length > 0; }

  function show(worksheet, answers) {
    worksheet.standards.forEach(function (item) {
      var answer = answers[item.id] || {};
      var level = typeof answer.level === "string" ? answer.level : "";
      item.radios.forEach(function (radio) { radio.checked = radio.value === level; });
      if (!item.radios.some(function (radio) { return radio.checked; })) {
        item.radios.forEach(function (radio) { radio.checked = radio.value === ""; });
      }
      item.evidence.value = typeof answer.evidence === "string" ? answer.evidence : "";
      item.actions.value = typeof answer.actions === "string" ? answer.actions : "";
      mirror(item.evidence);
      mirror(item.actions);
    });
  }

  /* The print stylesheet cannot grow a textarea to its text: a copy, shown only in print
   * (made here, when there is text: the page stays small for a long edition). */
  function mirror(textarea) {
    var copy = textarea.nextElementSibling;
    if (!copy || !copy.classList.contains("self-assessment__printed")) {
      if (!textarea.value) return;
      copy = document.createElement("div");
      copy.className = "self-assessment__printed";
      copy.setAttribute("data-for", textarea.id);
      textarea.after(copy);
    }
    copy.textContent = textarea.value;
  }

  // -- storage --------------------------------------------------------------------------------

  function storageWorks() {
    try {
      var probe = "self-assessment:probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return true;
    } catch (error) {
      return false;
    }
  }

  function load(key) {
    try {
      var text = window.localStorage.getItem(key);
      var data = text ? JSON.parse(text) : null;
      return data && typeof data === "object" ? data : null;
    } catch (error) {
      return null;
    }
  }

  function save(worksheet) {
    var answers = answersOf(worksheet);
    try {
      if (Object.keys(answers).length) {
        window.localStorage.setItem(worksheet.key, JSON.stringify(
          { version: worksheet.version, edition: worksheet.edition, saved: new Date().toISOString(), answers: answers }));
      } else {
        window.localStorage.removeItem(worksheet.key);
      }
    } catch (error) { /* storage off or full: said once, when the page opened */ }
  }

  // -- summary --------------------------------------------------------------------------------

  function summaryOf(doc, worksheet) {
    var progress = doc.getElementById("self-assessment-progress");
    var rows = [].slice.call(doc.querySelectorAll("#self-assessment-counts tr[data-level]"));
    var unassessed = doc.getElementById("self-assessment-unassessed");

    /* The sentence is in a live region (role=status: polite), changed only when it changes.
     * On the first count the region is still hidden, so nothing is read out on arrival. */
    function update() {
      var counts = {};
      var missing = [];
      worksheet.standards.forEach(function (item) {
        var level = answerOf(item).level;
        counts[level] = (counts[level] || 0) + 1;
        if (!level) missing.push(item);
      });
      rows.forEach(function (row) {
        row.querySelector("td").textContent = String(counts[row.getAttribute("data-level")] || 0);
      });
      var total = worksheet.standards.length;
      var done = total - missing.length;
      var parts = worksheet.scale.filter(function (level) { return counts[level.id]; })
        .map(function (level) { return counts[level.id] + " " + level.label; });
      var text = done + " of " + total + " standards assessed" + (parts.length ? ": " + parts.join(", ") : "") + ".";
      if (progress.textContent !== text) progress.textContent = text;
      unassessed.textContent = "";
      if (missing.length && done) {
        unassessed.appendChild(document.createTextNode("Not assessed yet: "));
        missing.forEach(function (item, index) {
          if (index) unassessed.appendChild(document.createTextNode(", "));
          var link = document.createElement("a");
          link.href = "#standard-" + item.id;
          link.textContent = item.id + " " + item.title;
          unassessed.appendChild(link);
        });
        unassessed.appendChild(document.createTextNode("."));
      }
    }
    return { update: update };
  }

  // -- messages -------------------------------------------------------------------------------

  /* A result in the message box: a headline and a list of lines, as text; focused, so that
   * a screen reader reads it and a keyboard user finds it, except after an export (`quiet`),
   * which the browser announces as a download and after which focus stays on the button for
   * the next export. `problem` marks it as an error. */
  function say(box, headline, lines, problem, quiet) {
    box.textContent = "";
    box.classList.toggle("self-assessment__message--problem", Boolean(problem));
    var first = document.createElement("p");
    first.textContent = headline;
    box.appendChild(first);
    if (lines.length) {
      var list = document.createElement("ul");
      lines.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.hidden = false;
    if (!quiet) box.focus();
  }

  // -- export ---------------------------------------------------------------------------------

  function exported(worksheet) {
    var labels = {};
    worksheet.scale.forEach(function (level) { labels[level.id] = level.label; });
    return {
      format: worksheet.format,
      version: worksheet.version,
      edition: { id: worksheet.edition, title: worksheet.editionTitle },
      site: worksheet.siteRoot,
      page: window.location.href.split("#")[0],
      exported: new Date().toISOString(),
      scale: worksheet.scale,
      standards: worksheet.standards.map(function (item) {
        var answer = answerOf(item);
        return { id: item.id, title: item.title, level: answer.level || null,
                 level_label: answer.level ? labels[answer.level] : null,
                 evidence: answer.evidence, actions: answer.actions };
      })
    };
  }

  function csv(worksheet) {
    var labels = {};
    worksheet.scale.forEach(function (level) { labels[level.id] = level.label; });
    // The standard's id and title share a cell: an id alone ("1.10") would be read as a number.
    var lines = [["Edition", "Standard", "Level", "Evidence", "Planned actions"]];
    worksheet.standards.forEach(function (item) {
      var answer = answerOf(item);
      lines.push([worksheet.editionTitle, item.id + " " + item.title, labels[answer.level] || "",
                  answer.evidence, answer.actions]);
    });
    // The byte order mark makes Excel read UTF-8 (en dashes, curly quotes) instead of ANSI.
    return "\ufeff" + lines.map(function (cells) { return cells.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  /* One RFC 4180 field. A value a spreadsheet would take for a formula (= + - @, or a tab or
   * carriage return before one) gets a leading apostrophe, which shows it as text. */
  function csvCell(value) {
    var text = String(value);
    if (FORMULA_START.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function fileName(worksheet, extension) {
    return "self-assessment-" + worksheet.edition + "-" + new Date().toISOString().slice(0, 10) + "." + extension;
  }

  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type }));
    var link = document.createElement("a");
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // -- import ---------------------------------------------------------------------------------

  /* {answers, headline, changes} from a JSON export, or {error}. */
  function importAnswers(worksheet, name, text) {
    var data;
    try {
      data = JSON.parse(text.replace(/^\ufeff/, ""));
    } catch (error) {
      return { error: name + " was not imported: it is not a JSON file" +
               (/\.csv$/i.test(name) ? " (a CSV export cannot be imported: choose the JSON export)" : "") +
               ". Choose a file made by this worksheet's “Export (JSON)”." };
    }
    if (!data || typeof data !== "object" || data.format !== worksheet.format) {
      return { error: name + " was not imported: it is not a self-assessment exported from this site " +
               "(it has no \"format\": \"" + worksheet.format + "\"). Choose a file made by “Export (JSON)”." };
    }
    if (data.version !== worksheet.version) {
      return { error: name + " was not imported: it is in version " + String(data.version) +
               " of the self-assessment format, and this page reads version " + worksheet.version + "." };
    }
    var edition = data.edition && typeof data.edition.id === "string" ? data.edition.id : null;
    if (!Array.isArray(data.standards) || edition === null) {
      return { error: name + " was not imported: it has no edition id or no list of standards." };
    }
    var entries = data.standards.filter(function (entry) {
      return entry && typeof entry.id === "string";
    });
    if (edition === worksheet.edition) return sameEdition(worksheet, name, entries);
    var from = worksheet.crosswalk.editions[edition];
    if (!from) {
      return { error: name + " was not imported: it is a self-assessment of edition " + edition +
               ", which is not linked to the " + worksheet.editionTitle +
               " by a crosswalk on this site, so its answers cannot be matched to these standards." };
    }
    return otherEdition(worksheet, name, edition, from, entries);
  }

  function byId(worksheet) {
    var found = {};
    worksheet.standards.forEach(function (item) { found[item.id] = item; });
    return found;
  }

  function levelIds(worksheet) {
    return worksheet.scale.map(function (level) { return level.id; });
  }

  function cleaned(entry) {
    return {
      level: typeof entry.level === "string" ? entry.level : "",
      evidence: typeof entry.evidence === "string" ? entry.evidence : "",
      actions: typeof entry.actions === "string" ? entry.actions : ""
    };
  }

  function hasAnswer(answer) { return Boolean(answer.level || answer.evidence || answer.actions); }

  function sameEdition(worksheet, name, entries) {
    var here = byId(worksheet);
    var levels = levelIds(worksheet);
    var answers = {};
    var changes = [];
    entries.forEach(function (entry) {
      var answer = cleaned(entry);
      if (!hasAnswer(answer)) return;
      if (!here[entry.id]) {
        changes.push(entry.id + " is not a standard of this edition: its answers were not imported.");
        return;
      }
      if (answer.level && levels.indexOf(answer.level) < 0) {
        changes.push(entry.id + ": the level “" + answer.level + "” is not on this edition's scale, so no level was set.");
        answer.level = "";
      }
      answers[entry.id] = answer;
    });
    var count = Object.keys(answers).length;
    return { answers: answers, changes: changes,
             headline: "Imported the answers to " + count + " standard" + (count === 1 ? "" : "s") + " from " + name + "." };
  }

  /* Answers from another edition on the same line (older or newer): each standard's answers
   * go to its equivalents here (all of them, when it corresponds to several: a split going
   * forward, a merge going back); a standard here that several of the file's correspond to
   * gets their evidence and actions together, and a level only when they agree. The
   * messages say "is ... in this edition", which reads true in either direction. */
  function otherEdition(worksheet, name, editionId, from, entries) {
    var here = byId(worksheet);
    var levels = levelIds(worksheet);
    var sources = {};   // id here -> [{label, answer}]
    var moves = [];     // {label, title, targets, gone} of each answered standard of the file
    var changes = [];
    entries.forEach(function (entry) {
      var answer = cleaned(entry);
      var known = from.standards[entry.id];
      var title = known ? known.title : (typeof entry.title === "string" ? entry.title : "");
      var label = entry.id + (title ? " " + title : "");
      if (!hasAnswer(answer)) return;
      if (!known) {
        changes.push(label + " is not a standard of edition " + editionId + ": its answers were not imported.");
        return;
      }
      var targets = known.to.filter(function (step) { return step.id !== null; });
      var kept = ": its answers were not imported (they are still in " + name + ").";
      var gone = known.to.filter(function (step) { return step.id === null; }).map(function (step) {
        return step.kind === "new"
          ? label + " has no equivalent in this edition (it is new in the " + from.title + ")" + kept
          : label + " was " + step.how + kept + (step.reason ? " Reason given: " + step.reason : "");
      });
      targets.forEach(function (step) {
        (sources[step.id] = sources[step.id] || []).push({ label: label, answer: answer });
      });
      moves.push({ label: label, title: title, targets: targets, gone: gone });
    });
    moves.forEach(function (move) {
      changes.push.apply(changes, move.gone);
      if (!move.targets.length) return;
      var first = move.targets[0];
      var names = move.targets.map(function (step) { return step.id + " " + here[step.id].title; });
      // "moved (new id), then renamed" reads "moved, new id, then renamed" inside brackets
      var how = " (" + first.how.replace(/ \(([^)]*)\)/g, ", $1") + ")";
      if (names.length > 1) {
        changes.push(move.label + " corresponds to " + names.slice(0, -1).join(", ") + " and " + names[names.length - 1] +
                     " in this edition" + how + ": its answers were copied to each; check that they fit.");
      } else if (sources[first.id].length > 1) {
        changes.push(move.label + " is part of " + names[0] + " in this edition" + how +
                     ": its answers were added there, with those of the other standards it corresponds to.");
      } else if (first.kind !== "continued" || move.title !== here[first.id].title) {
        changes.push(move.label + " is " + names[0] + " in this edition" + how + ": its answers moved there.");
      }
    });
    var answers = {};
    Object.keys(sources).forEach(function (id) {
      var found = sources[id];
      var answer = found.length === 1 ? found[0].answer : combined(found);
      if (found.length > 1 && !answer.level && found.some(function (source) { return source.answer.level; })) {
        changes.push(id + " " + here[id].title + ": the standards it corresponds to had different levels, so no level was set.");
      }
      if (answer.level && levels.indexOf(answer.level) < 0) {
        changes.push(id + " " + here[id].title + ": the level “" + answer.level + "” is not on this edition's scale, so no level was set.");
        answer.level = "";
      }
      answers[id] = answer;
    });
    var count = Object.keys(answers).length;
    return {
      answers: answers, changes: changes,
      headline: "Imported " + name + ", a self-assessment of the " + from.title + ", into the " + worksheet.editionTitle +
                ": " + count + " standard" + (count === 1 ? "" : "s") + " of this edition now " + (count === 1 ? "has" : "have") +
                " answers." + (changes.length ? " What changed between the editions:" : " No standard changed between the editions.")
    };
  }

  /* Several old standards' answers for one new standard: the level if they agree, and
   * each text under the old standard it came from. */
  function combined(found) {
    var levelsSet = found.map(function (source) { return source.answer.level; })
      .filter(function (level, index, all) { return level && all.indexOf(level) === index; });
    function joined(field) {
      return found.filter(function (source) { return source.answer[field]; })
        .map(function (source) { return "From " + source.label + ":\n" + source.answer[field]; })
        .join("\n\n");
    }
    return { level: levelsSet.length === 1 ? levelsSet[0] : "", evidence: joined("evidence"), actions: joined("actions") };
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mount);
  } else {
    mount();
  }
})();
