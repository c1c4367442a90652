/* test_smoke.c — the unit-test harness itself: a VM and a process come up and go down. */
#include <criterion/criterion.h>
#include "../../vm/state.h"

Test(smoke, vm_and_process) {
  VM *vm = vm_new();
  cr_assert_not_null(vm);
  Proc *P = proc_new(vm);
  cr_assert_not_null(P);
  cr_assert_not_null(proc_mainthread(P));
  proc_free(P);
  vm_free(vm);
}
