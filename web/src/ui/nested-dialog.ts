// A dialog opened over a drawer (a report's Export or Use in lists): Mantine's drawer and
// modal both close on Escape from a window listener, so one Escape would close both. The
// drawer provides this context and stops closing on Escape while a dialog over it is open.
import { createContext, useContext, useEffect } from 'react';

export const NestedDialog = createContext<(open: boolean) => void>(() => {});

/** Tells the drawer below whether this dialog is open. */
export function useNestedDialog(opened: boolean): void {
  const setOpen = useContext(NestedDialog);
  useEffect(() => {
    setOpen(opened);
    return () => setOpen(false);
  }, [opened, setOpen]);
}
