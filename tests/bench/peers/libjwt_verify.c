/* Verifies tokens with libjwt (Debian's libjwt-dev, 1.10): the signature and alg by
 * jwt_decode, then exp and nbf against NOW, as a C service using the library would.
 *
 * usage: libjwt_verify TOKENS_FILE SECRET NOW_EPOCH   prints "libjwt TOKENS SECONDS" (loop only)
 *        libjwt_verify --one TOKEN SECRET NOW_EPOCH   one token: exit 0 when valid
 */
#include <jwt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int verify(const char *token, const unsigned char *secret, int secret_len, long now) {
  jwt_t *jwt = NULL;
  if (jwt_decode(&jwt, token, secret, secret_len) != 0) return 0;
  int ok = jwt_get_alg(jwt) == JWT_ALG_HS256;
  long exp = jwt_get_grant_int(jwt, "exp");
  if (ok && exp > 0 && now >= exp) ok = 0;
  long nbf = jwt_get_grant_int(jwt, "nbf");
  if (ok && nbf > 0 && now < nbf) ok = 0;
  jwt_free(jwt);
  return ok;
}

int main(int argc, char **argv) {
  if (argc == 5 && strcmp(argv[1], "--one") == 0) {
    return verify(argv[2], (const unsigned char *)argv[3], (int)strlen(argv[3]), atol(argv[4]))
               ? 0
               : 1;
  }
  if (argc != 4) {
    fprintf(stderr, "usage: libjwt_verify TOKENS_FILE SECRET NOW_EPOCH\n");
    return 2;
  }
  FILE *f = fopen(argv[1], "r");
  if (f == NULL) {
    perror(argv[1]);
    return 2;
  }
  /* Read every line first, so that the timed loop does no I/O, as for the other peers. */
  size_t count = 0, capacity = 1024;
  char **tokens = malloc(capacity * sizeof *tokens);
  char *line = NULL;
  size_t line_capacity = 0;
  ssize_t length;
  while ((length = getline(&line, &line_capacity, f)) > 0) {
    while (length > 0 && (line[length - 1] == '\n' || line[length - 1] == '\r')) line[--length] = 0;
    if (length == 0) continue;
    if (count == capacity) tokens = realloc(tokens, (capacity *= 2) * sizeof *tokens);
    tokens[count++] = strdup(line);
  }
  free(line);
  fclose(f);
  const unsigned char *secret = (const unsigned char *)argv[2];
  const int secret_len = (int)strlen(argv[2]);
  const long now = atol(argv[3]);
  struct timespec t0, t1;
  size_t valid = 0;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (size_t i = 0; i < count; ++i) valid += (size_t)verify(tokens[i], secret, secret_len, now);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  if (valid != count) {
    fprintf(stderr, "libjwt: only %zu of %zu tokens verified\n", valid, count);
    return 1;
  }
  printf("libjwt %zu %.6f\n", count, (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
  for (size_t i = 0; i < count; ++i) free(tokens[i]);
  free(tokens);
  return 0;
}
