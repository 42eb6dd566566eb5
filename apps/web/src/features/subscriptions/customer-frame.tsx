// The customer area's frame belongs to the customers feature; its pages here render inside it.
export { CustomerLayout as CustomerFrame } from '../customers/customer-area/customer-layout.tsx';
