#include "support/dom_reference.hpp"

#include "chatjwt/base64url.hpp"
#include "chatjwt/hs256.hpp"
#include "chatjwt/json_dom.hpp"

namespace chatjwt::test {

ReferenceVerdict reference_verify(std::string_view token, const ReferenceRules& rules) {
  ReferenceVerdict v;
  v.profile = rules.profile == Profile::auto_detect ? Profile::generic : rules.profile;
  const auto reject = [&v](ErrorCode code) {
    v.code = code;
    return v;
  };
  // Check 1: three segments, strict base64url, two I-JSON objects, the signature decodes.
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  for (std::size_t dot = token.find('.'); dot != std::string_view::npos;
       dot = token.find('.', start)) {
    parts.push_back(token.substr(start, dot - start));
    start = dot + 1;
  }
  parts.push_back(token.substr(start));
  if (token.size() > (1U << 20) || parts.size() != 3 || parts[0].empty() || parts[1].empty()) {
    return reject(ErrorCode::malformed);
  }
  const auto header_text = base64url_decode(parts[0]);
  const auto payload_text = base64url_decode(parts[1]);
  const auto signature = base64url_decode(parts[2]);
  if (!header_text || !payload_text || !signature) return reject(ErrorCode::malformed);
  const ParseOutcome header = parse_json(*header_text);
  const ParseOutcome payload = parse_json(*payload_text);
  if (!header.ok || !payload.ok) return reject(ErrorCode::malformed);
  const Json& h = header.json.value;
  const Json& p = payload.json.value;
  v.header = h;
  v.payload = p;
  v.profile = choose_profile(rules.profile, [&p](std::string_view name) {
                return p.contains(std::string(name));
              }).profile;
  // Checks 2 and 3.
  if (!h.contains("alg") || !h["alg"].is_string() || h["alg"] != "HS256") {
    return reject(ErrorCode::unsupported_algorithm);
  }
  if (h.contains("crit")) return reject(ErrorCode::unsupported_header);
  // Check 4: the first secret whose MAC is the signature.
  const std::string_view signing_input = token.substr(0, parts[0].size() + 1 + parts[1].size());
  for (std::size_t i = 0; i < rules.secrets.size() && !v.secret_index; ++i) {
    const auto mac = hs256(rules.secrets[i], signing_input);
    if (mac &&
        std::string_view(reinterpret_cast<const char*>(mac->data()), mac->size()) == *signature) {
      v.secret_index = i;
    }
  }
  if (!v.secret_index) return reject(ErrorCode::bad_signature);
  // Check 5.
  for (const char* name : {"exp", "nbf", "iat"}) {
    if (p.contains(name) && !p[name].is_number()) return reject(ErrorCode::invalid_claim);
  }
  const bool eloquent = v.profile == Profile::eloquent;
  if (eloquent && p.contains("user_id") && !p["user_id"].is_string()) {
    return reject(ErrorCode::invalid_claim);
  }
  const auto now = static_cast<double>(rules.now);
  const auto leeway = static_cast<double>(rules.leeway);
  // Checks 6-8.
  if (p.contains("exp") && now >= p["exp"].get<double>() + leeway) {
    return reject(ErrorCode::expired);
  }
  if (p.contains("nbf") && now < p["nbf"].get<double>() - leeway) {
    return reject(ErrorCode::not_yet_valid);
  }
  for (const std::string& name : rules.require) {
    if (!p.contains(name)) return reject(ErrorCode::missing_claim);
  }
  if (eloquent && !p.contains("user_id")) return reject(ErrorCode::missing_claim);
  return v;
}

std::string reference_verify_json(const ReferenceVerdict& v, std::string_view message,
                                  std::optional<std::size_t> line) {
  Json object = Json::object();
  if (line) object["line"] = *line;
  object["valid"] = !v.code.has_value();
  object["error"] =
      v.code ? Json{{"code", to_string(*v.code)}, {"message", std::string(message)}} : Json();
  object["profile"] = to_string(v.profile);
  object["header"] = v.header;
  object["payload"] = v.payload;
  object["secret_index"] = v.secret_index ? Json(*v.secret_index) : Json();
  object["warnings"] = Json::array();
  return to_json_text(object) + "\n";
}

}  // namespace chatjwt::test
