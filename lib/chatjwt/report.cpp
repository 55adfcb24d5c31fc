#include "chatjwt/report.hpp"

#include <fmt/format.h>

namespace chatjwt {
namespace {

std::string where(const InputReport& input, const Diagnostic& d) {
  std::string location = input.name;
  if (d.position) location += fmt::format(":{}:{}", d.position->line, d.position->column);
  return location;
}

std::string subject(const Diagnostic& d) {
  std::string text = d.part == Part::header ? "header " : "";
  text += d.path.empty() ? (d.part == Part::header ? "" : "payload") : d.path;
  return text;
}

Json diagnostic_json(const Diagnostic& d) {
  Json j = Json::object();
  j["severity"] = to_string(d.severity);
  j["rule"] = d.rule;
  j["part"] = to_string(d.part);
  j["path"] = d.path;
  j["line"] = d.position ? Json(d.position->line) : Json(nullptr);
  j["column"] = d.position ? Json(d.position->column) : Json(nullptr);
  j["message"] = d.message;
  return j;
}

// Workflow command escaping: data and property values.
std::string gh_escape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

ReportTotals totals(const std::vector<InputReport>& inputs) {
  ReportTotals t;
  for (const auto& input : inputs) {
    for (const auto& d : input.diagnostics) {
      (d.severity == Severity::error ? t.errors : t.warnings) += 1;
    }
  }
  return t;
}

std::string render_text(const std::vector<InputReport>& inputs, bool colour) {
  const char* bold = colour ? "\x1b[1m" : "";
  const char* red = colour ? "\x1b[1;31m" : "";
  const char* yellow = colour ? "\x1b[1;33m" : "";
  const char* dim = colour ? "\x1b[2m" : "";
  const char* reset = colour ? "\x1b[0m" : "";
  std::string out;
  for (const auto& input : inputs) {
    for (const auto& d : input.diagnostics) {
      const bool error = d.severity == Severity::error;
      out += fmt::format("{}{}:{} {}{}:{} {}: {} {}[{}]{}\n", bold, where(input, d), reset,
                         error ? red : yellow, to_string(d.severity), reset, subject(d), d.message,
                         dim, d.rule, reset);
    }
  }
  return out;
}

std::string render_json(const std::vector<InputReport>& inputs) {
  Json root = Json::object();
  Json list = Json::array();
  for (const auto& input : inputs) {
    Json j = Json::object();
    j["input"] = input.name;
    j["profile"] = to_string(input.profile);
    if (input.error) j["error"] = *input.error;
    Json diagnostics = Json::array();
    for (const auto& d : input.diagnostics) diagnostics.push_back(diagnostic_json(d));
    j["diagnostics"] = std::move(diagnostics);
    list.push_back(std::move(j));
  }
  const ReportTotals t = totals(inputs);
  root["inputs"] = std::move(list);
  root["errors"] = t.errors;
  root["warnings"] = t.warnings;
  return to_json_text(root) + "\n";
}

std::string path_to_uri(std::string_view path) {
  static constexpr std::string_view kKeep = "-._~!$&'()*+,;=:@/";
  std::string out;
  for (char c : path) {
    if (c == '\\') c = '/';
    const auto u = static_cast<unsigned char>(c);
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kKeep.find(c) != std::string_view::npos) {
      out.push_back(c);
    } else {
      out += fmt::format("%{:02X}", u);
    }
  }
  return out;
}

std::string render_sarif(const std::vector<InputReport>& inputs, std::string_view version) {
  Json rules = Json::array();
  for (const RuleInfo& rule : all_rules()) {
    rules.push_back(
        {{"id", rule.name},
         {"shortDescription", {{"text", rule.summary}}},
         {"fullDescription",
          {{"text", std::string(rule.summary) + ". Source: " + std::string(rule.source)}}},
         {"defaultConfiguration", {{"level", to_string(rule.severity)}}}});
  }
  auto rule_index = [](std::string_view name) {
    const auto rules_list = all_rules();
    for (std::size_t i = 0; i < rules_list.size(); ++i) {
      if (rules_list[i].name == name) return i;
    }
    return std::size_t{0};
  };
  Json results = Json::array();
  Json notifications = Json::array();
  for (const auto& input : inputs) {
    if (input.error) {
      notifications.push_back(
          {{"level", "error"}, {"message", {{"text", input.name + ": " + *input.error}}}});
      continue;
    }
    for (const auto& d : input.diagnostics) {
      Json location = Json::object();
      if (input.is_file) {
        Json physical = {{"artifactLocation", {{"uri", path_to_uri(input.name)}}}};
        if (d.position) {
          physical["region"] = {{"startLine", d.position->line},
                                {"startColumn", d.position->column}};
        }
        location["physicalLocation"] = std::move(physical);
      } else {
        location["logicalLocations"] =
            Json::array({Json{{"name", input.name}, {"kind", "object"}}});
      }
      Json result = {{"ruleId", d.rule},
                     {"ruleIndex", rule_index(d.rule)},
                     {"level", to_string(d.severity)},
                     {"message", {{"text", (d.path.empty() ? "" : subject(d) + ": ") + d.message}}},
                     {"locations", Json::array({std::move(location)})},
                     {"properties", {{"part", to_string(d.part)}, {"path", d.path}}}};
      results.push_back(std::move(result));
    }
  }
  Json invocation = {{"executionSuccessful", notifications.empty()}};
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  Json run = {
      {"tool",
       {{"driver", {{"name", "chatjwt"}, {"version", version}, {"rules", std::move(rules)}}}}},
      {"invocations", Json::array({std::move(invocation)})},
      {"columnKind", "unicodeCodePoints"},
      {"results", std::move(results)}};
  Json root = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
               {"version", "2.1.0"},
               {"runs", Json::array({std::move(run)})}};
  return to_json_text(root, 2) + "\n";
}

std::string render_github(const std::vector<InputReport>& inputs) {
  std::string out;
  for (const auto& input : inputs) {
    for (const auto& d : input.diagnostics) {
      std::string props;
      if (input.is_file) {
        props = "file=" + gh_escape(input.name, true);
        if (d.position)
          props += fmt::format(",line={},col={}", d.position->line, d.position->column);
        props += ",";
      }
      props += "title=" + gh_escape(std::string("chatjwt ") + std::string(d.rule), true);
      const std::string text =
          (input.is_file ? "" : input.name + ": ") + subject(d) + ": " + d.message;
      out += fmt::format("::{} {}::{}\n", d.severity == Severity::error ? "error" : "warning",
                         props, gh_escape(text, false));
    }
  }
  return out;
}

std::string render_rules() {
  std::string out;
  for (const RuleInfo& rule : all_rules()) {
    out += fmt::format("{:<22} {:<7}  {}\n{:<31}source: {}\n", rule.name, to_string(rule.severity),
                       rule.summary, "", rule.source);
  }
  return out;
}

}  // namespace chatjwt
