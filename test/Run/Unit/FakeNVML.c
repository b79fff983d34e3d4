/*===- test/Run/Unit/FakeNVML.c - A recorded GPU for the NVML meter -------===*
 *
 * A stand-in for libnvidia-ml.so.1 with the seven entry points the runner's
 * NVML meter loads. It replays a recorded total-energy series instead of
 * asking a GPU: FAKE_NVML_SERIES names a file of lines
 *     <seconds since nvmlInit> <mJ of GPU 0> [<mJ of GPU 1> ...]
 * (blank lines and '#' comments skipped), and the counter read at time t is
 * the last row at or before t: the staircase a real counter shows between
 * its updates. Time is CLOCK_MONOTONIC since nvmlInit_v2, or, once a test
 * calls fakeNvmlSetTime, the time it set. FAKE_NVML_UNSUPPORTED=1 makes the
 * energy query answer NVML_ERROR_NOT_SUPPORTED, as on a pre-Volta GPU; no
 * FAKE_NVML_SERIES makes nvmlInit_v2 fail as without a driver.
 *
 *===----------------------------------------------------------------------===*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* nvml.h's opaque device handle: the functions below have NVML's types. */
struct nvmlDevice_st;

#define MAX_ROWS 100000
#define MAX_DEVICES 8

static double Times[MAX_ROWS];
static unsigned long long Energy[MAX_ROWS][MAX_DEVICES];
static int Rows, Devices;
static double Start, ManualTime = -1;

static double now(void) {
  struct timespec TS;
  clock_gettime(CLOCK_MONOTONIC, &TS);
  return (double)TS.tv_sec + (double)TS.tv_nsec * 1e-9;
}

void fakeNvmlSetTime(double T) { ManualTime = T; }

int nvmlInit_v2(void) {
  const char *Path = getenv("FAKE_NVML_SERIES");
  FILE *F;
  char Line[1024];
  if (!Path || !(F = fopen(Path, "r")))
    return 9; /* NVML_ERROR_DRIVER_NOT_LOADED */
  Rows = Devices = 0;
  while (Rows < MAX_ROWS && fgets(Line, sizeof(Line), F)) {
    char *P = Line, *End;
    int D = 0;
    while (*P == ' ' || *P == '\t')
      ++P;
    if (*P == '#' || *P == '\n' || *P == 0)
      continue;
    Times[Rows] = strtod(P, &End);
    P = End;
    while (D < MAX_DEVICES) {
      unsigned long long V = strtoull(P, &End, 10);
      if (End == P)
        break;
      Energy[Rows][D++] = V;
      P = End;
    }
    if (D == 0)
      continue;
    if (Devices == 0 || D < Devices)
      Devices = D;
    ++Rows;
  }
  fclose(F);
  Start = now();
  return Rows ? 0 : 9;
}

int nvmlShutdown(void) { return 0; }

const char *nvmlErrorString(int R) {
  switch (R) {
  case 0: return "Success";
  case 2: return "Invalid Argument";
  case 3: return "Not Supported";
  case 9: return "Driver Not Loaded";
  default: return "Unknown Error";
  }
}

int nvmlDeviceGetCount_v2(unsigned *Count) {
  *Count = (unsigned)Devices;
  return 0;
}

int nvmlDeviceGetHandleByIndex_v2(unsigned I, struct nvmlDevice_st **Dev) {
  if ((int)I >= Devices)
    return 2;
  *Dev = (struct nvmlDevice_st *)(size_t)(I + 1);
  return 0;
}

int nvmlDeviceGetName(struct nvmlDevice_st *Dev, char *Name, unsigned Len) {
  snprintf(Name, Len, "Fake GPU %d", (int)(size_t)Dev - 1);
  return 0;
}

int nvmlDeviceGetTotalEnergyConsumption(struct nvmlDevice_st *Dev,
                                        unsigned long long *MJ) {
  int D = (int)(size_t)Dev - 1, R = 0;
  double T = ManualTime >= 0 ? ManualTime : now() - Start;
  const char *U = getenv("FAKE_NVML_UNSUPPORTED");
  if (U && strcmp(U, "1") == 0)
    return 3;
  if (D < 0 || D >= Devices)
    return 2;
  while (R + 1 < Rows && Times[R + 1] <= T)
    ++R;
  *MJ = Energy[R][D];
  return 0;
}
